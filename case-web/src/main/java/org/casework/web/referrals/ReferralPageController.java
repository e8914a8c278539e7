package org.casework.web.referrals;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagService;
import org.casework.core.referrals.ConsentBasis;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralResult;
import org.casework.core.referrals.ReferralService;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralUrgency;
import org.casework.core.referrals.SharedField;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.NotFoundException;
import org.casework.web.support.FormErrors;
import org.casework.web.support.Messages;
import org.casework.web.support.Pager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Referral pages. The station refers from the case workspace and follows its referrals; the
 * department liaison works from an inbox of what was addressed to their department and sees only
 * what was shared. A refused step changes nothing and comes back with its message.
 */
@Controller
@RequiredArgsConstructor
class ReferralPageController {

    static final int PAGE_SIZE = 25;
    private static final String FORM = "referrals/form";
    private static final String SHOW = "referrals/show";

    private final ReferralService referrals;
    private final CaseService cases;
    private final FlagService flags;
    private final ReferralPages pages;
    private final CurrentActor currentActor;
    private final Messages messages;
    private final Clock clock;

    @GetMapping("/cases/{caseId}/referrals/new")
    String newReferral(@PathVariable UUID caseId, Model model) {
        model.addAttribute("form", new ReferralForm());
        return form(caseId, null, model);
    }

    /** A reload or language switch after a refused send lands on the empty form. */
    @GetMapping("/cases/{caseId}/referrals")
    String backToForm(@PathVariable UUID caseId) {
        return "redirect:/cases/" + caseId + "/referrals/new";
    }

    @PostMapping("/cases/{caseId}/referrals")
    String send(
            @PathVariable UUID caseId,
            @ModelAttribute("form") ReferralForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors() && form.getSharedFields().isEmpty()) {
            binding.rejectValue("sharedFields", "referral.shared.required");
        }
        if (binding.hasErrors()) {
            return form(caseId, null, model);
        }
        try {
            Referral referral = referrals.send(form.toCommand(caseId));
            redirect.addFlashAttribute("notice", "referral.done.sent");
            return "redirect:/referrals/" + referral.getId();
        } catch (DomainException e) {
            rethrowUnlessShown(e);
            FormErrors.reject(binding, e, ReferralForm.FIELD_PATHS);
            return form(caseId, null, model);
        }
    }

    /** From a flag's page: its registered child, straight from triage (with the flag's case, if any). */
    @GetMapping("/flags/{flagId}/referrals/new")
    String newFlagReferral(@PathVariable UUID flagId, Model model) {
        model.addAttribute("form", new ReferralForm());
        return flagForm(flagId, model);
    }

    @PostMapping("/flags/{flagId}/referrals")
    String sendFromFlag(
            @PathVariable UUID flagId,
            @ModelAttribute("form") ReferralForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors() && form.getSharedFields().isEmpty()) {
            binding.rejectValue("sharedFields", "referral.shared.required");
        }
        if (binding.hasErrors()) {
            return flagForm(flagId, model);
        }
        try {
            Referral referral = referrals.sendFromFlag(form.toFlagCommand(flagId));
            redirect.addFlashAttribute("notice", "referral.done.sent");
            return "redirect:/referrals/" + referral.getId();
        } catch (DomainException e) {
            rethrowUnlessShown(e);
            FormErrors.reject(binding, e, ReferralForm.FIELD_PATHS);
            return flagForm(flagId, model);
        }
    }

    @GetMapping("/referrals")
    String list(
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<Referral> found = referrals.list(null, status, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        Map<UUID, String> names = referrals.organisationNames(ReferralRow.organisationsOf(found.getContent()));
        model.addAttribute(
                "rows",
                found.getContent().stream()
                        .map(r -> ReferralRow.of(r, names, clock.instant()))
                        .toList());
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("asReceiver", referrals.viewsAsReceiver());
        return "referrals/list";
    }

    @GetMapping("/referrals/{id}")
    String show(@PathVariable UUID id, Model model) {
        pages.fillDetail(id, model);
        return SHOW;
    }

    /** The step URLs answer a GET (a language switch after a refusal) with the referral. */
    @GetMapping("/referrals/{id}/{action}")
    String backToReferral(@PathVariable UUID id, @PathVariable String action) {
        return "redirect:/referrals/" + id;
    }

    @PostMapping("/referrals/{id}/{action}")
    String step(
            @PathVariable UUID id,
            @PathVariable String action,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) ReferralResult result,
            Model model,
            RedirectAttributes redirect) {
        long expected = version == null ? -1 : version;
        // a refused completion comes back with the result still chosen
        model.addAttribute("actionResult", result == null ? null : result.name());
        try {
            switch (action) {
                case ReferralPages.ACCEPT -> referrals.accept(id, expected);
                case ReferralPages.DECLINE -> referrals.decline(id, expected, text);
                case ReferralPages.START -> referrals.start(id, expected);
                case ReferralPages.PROGRESS -> referrals.recordProgress(id, expected, text);
                case ReferralPages.COMPLETE -> referrals.complete(id, expected, result, text);
                case ReferralPages.RETURN -> referrals.returnToSender(id, expected, text);
                case ReferralPages.REVOKE -> referrals.revoke(id, expected, text);
                default -> throw new NotFoundException("referral");
            }
            redirect.addFlashAttribute("notice", "referral.done." + action);
            return "redirect:/referrals/" + id;
        } catch (ObjectOptimisticLockingFailureException e) {
            return refused(id, action, text, messages.text("error.staleVersion", version, "?"), model);
        } catch (DomainException e) {
            rethrowUnlessShown(e);
            return refused(id, action, text, messages.of(e), model);
        }
    }

    @GetMapping("/referrals/{id}/re-refer")
    String reReferForm(@PathVariable UUID id, Model model) {
        Referral previous = referrals.get(id);
        model.addAttribute("form", ReferralForm.from(previous));
        return form(previous.getCaseId(), previous, model);
    }

    @PostMapping("/referrals/{id}/re-refer")
    String reRefer(
            @PathVariable UUID id,
            @RequestParam(required = false) Long version,
            @ModelAttribute("form") ReferralForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Referral previous = referrals.get(id);
        if (!binding.hasErrors() && form.getSharedFields().isEmpty()) {
            binding.rejectValue("sharedFields", "referral.shared.required");
        }
        if (binding.hasErrors()) {
            return form(previous.getCaseId(), previous, model);
        }
        try {
            Referral referral = referrals.reRefer(id, version == null ? -1 : version, form.toReReferral());
            redirect.addFlashAttribute("notice", "referral.done.sent");
            return "redirect:/referrals/" + referral.getId();
        } catch (ObjectOptimisticLockingFailureException e) {
            binding.reject("error.staleVersion", new Object[] {version, "?"}, "error.staleVersion");
            return form(previous.getCaseId(), previous, model);
        } catch (DomainException e) {
            rethrowUnlessShown(e);
            FormErrors.reject(binding, e, ReferralForm.FIELD_PATHS);
            return form(previous.getCaseId(), previous, model);
        }
    }

    private String form(UUID caseId, Referral previous, Model model) {
        if (caseId == null) {
            throw new NotFoundException("case");
        }
        CaseFile caseFile = cases.get(caseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute("caseNumber", caseFile.getCaseNumber());
        model.addAttribute("backHref", "/cases/" + caseId);
        model.addAttribute("backText", messages.text("referral.backToCase", caseFile.getCaseNumber()));
        model.addAttribute(
                "formAction",
                previous == null ? "/cases/" + caseId + "/referrals" : "/referrals/" + previous.getId() + "/re-refer");
        model.addAttribute("referable", ReferralService.referable(caseFile.getState()));
        model.addAttribute("notReferableKey", "referral.case.notReferable");
        return options(previous, model);
    }

    private String flagForm(UUID flagId, Model model) {
        Flag flag = flags.forStaff(flagId);
        model.addAttribute("backHref", "/flags/" + flagId);
        model.addAttribute("backText", messages.text("referral.backToFlag"));
        model.addAttribute("formAction", "/flags/" + flagId + "/referrals");
        model.addAttribute("referable", flag.getClientId() != null || flag.getOutcomeClientId() != null);
        model.addAttribute("notReferableKey", "referral.flag.noClient");
        return options(null, model);
    }

    private String options(Referral previous, Model model) {
        model.addAttribute(
                "receivers",
                referrals.receivers().stream()
                        .filter(o -> previous == null || !o.getId().equals(previous.getReceivingOrganisationId()))
                        .map(o -> new ReceiverOption(o.getId(), o.getName()))
                        .toList());
        model.addAttribute("urgencies", ReferralUrgency.values());
        model.addAttribute(
                "consentBases",
                currentActor.get().has(Permission.SUPERVISE_CASES)
                        ? List.of(ConsentBasis.values())
                        : List.of(ConsentBasis.CLIENT_CONSENT, ConsentBasis.GUARDIAN_CONSENT));
        model.addAttribute("sharedFieldOptions", SharedField.values());
        model.addAttribute("minimum", SharedField.minimum());
        model.addAttribute("previous", previous == null ? null : previous.getId());
        model.addAttribute("previousVersion", previous == null ? null : previous.getVersion());
        return FORM;
    }

    private String refused(UUID id, String action, String text, String message, Model model) {
        model.addAttribute("actionError", message);
        model.addAttribute("failedAction", action);
        model.addAttribute("actionText", text);
        pages.fillDetail(id, model);
        return SHOW;
    }

    /** Missing records and missing permissions get the error pages; the rest shows on the form. */
    private static void rethrowUnlessShown(DomainException e) {
        if (e instanceof NotFoundException) {
            throw e;
        }
        if (e instanceof AccessDeniedException && !e.getMessageKey().startsWith("referral.")) {
            throw e;
        }
    }
}
