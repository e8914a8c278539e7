package org.casework.web.cases;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.casework.core.plans.PlanService;
import org.casework.core.plans.ServicePlan;
import org.casework.core.services.ServiceRecordService;
import org.casework.core.shared.DomainException;
import org.casework.core.supervision.SupervisionService;
import org.casework.web.services.ServiceRecordForm;
import org.casework.web.support.Messages;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The workspace panels that are not lifecycle steps: the service plan (draft, submit, approve or
 * return, activities done), the case's service records and supervision notes. As with the steps, a
 * refused form changes nothing and comes back with the message next to it.
 */
@Controller
@RequiredArgsConstructor
class CasePlanController {

    private static final String VIEW = "cases/workspace";

    private final PlanService plans;
    private final ServiceRecordService serviceRecords;
    private final SupervisionService supervision;
    private final CaseWorkspaceModel page;
    private final CaseRefusals refusals;
    private final Messages messages;

    /** The action URLs answer a GET (a language switch, a reload) with the workspace. */
    @GetMapping({"/cases/{id}/plan", "/cases/{id}/plan/{planId}/**", "/cases/{id}/services", "/cases/{id}/supervision"})
    String backToPage(@PathVariable UUID id) {
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/plan")
    String startPlan(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return plan(id, null, model, redirect, "plan.done.started", () -> plans.createDraft(id));
    }

    @PostMapping("/cases/{id}/plan/{planId}")
    String saveDraft(
            @PathVariable UUID id,
            @PathVariable UUID planId,
            @ModelAttribute("planForm") PlanForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return refused(id, planId, model, "planError", messages.text("error.validation"));
        }
        return plan(
                id,
                planId,
                model,
                redirect,
                "plan.done.saved",
                () -> plans.updateDraft(planId, form.expectedVersion(), form.toInput()));
    }

    /**
     * Submits the draft. Posted from the editor, it first saves what the worker entered (what the
     * supervisor reviews is exactly that), then submits; a refusal of either step keeps the entered
     * values on the page and says which step was refused. Posted without the editor's fields (an
     * older page), it submits the stored draft as it is.
     */
    @PostMapping("/cases/{id}/plan/{planId}/submit")
    String submit(
            @PathVariable UUID id,
            @PathVariable UUID planId,
            @ModelAttribute("planForm") PlanForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return refused(id, planId, model, "planError", messages.text("error.validation"));
        }
        long version = form.expectedVersion();
        if (form.getGoals() != null) {
            try {
                version = plans.updateDraft(planId, version, form.toInput()).getVersion();
            } catch (ObjectOptimisticLockingFailureException e) {
                return refused(id, planId, model, "planError", messages.text("error.staleVersion", "?", "?"));
            } catch (DomainException e) {
                if (!CaseRefusals.shownOnPage(e)) {
                    throw e;
                }
                return refused(
                        id, planId, model, "planError", messages.text("plan.submit.notSaved", refusals.describe(e)));
            }
        }
        long saved = version;
        String notSubmitted =
                plan(id, planId, model, redirect, "plan.done.submitted", () -> plans.submit(planId, saved));
        if (model.containsAttribute("planError") && form.getGoals() != null) {
            // the entered values are stored: say so, so the worker does not type them again
            model.addAttribute(
                    "planError", messages.text("plan.submit.savedNotSubmitted", model.getAttribute("planError")));
        }
        return notSubmitted;
    }

    @PostMapping("/cases/{id}/plan/{planId}/approve")
    String approve(
            @PathVariable UUID id,
            @PathVariable UUID planId,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String comment,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("reviewComment", comment);
        return plan(
                id, planId, model, redirect, "plan.done.approved", () -> plans.approve(planId, v(version), comment));
    }

    @PostMapping("/cases/{id}/plan/{planId}/return")
    String returnPlan(
            @PathVariable UUID id,
            @PathVariable UUID planId,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String comments,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("returnComments", comments);
        return plan(
                id,
                planId,
                model,
                redirect,
                "plan.done.returned",
                () -> plans.returnPlan(planId, v(version), comments));
    }

    @PostMapping("/cases/{id}/plan/{planId}/activities/{activityId}/done")
    String activityDone(
            @PathVariable UUID id,
            @PathVariable UUID planId,
            @PathVariable UUID activityId,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model,
            RedirectAttributes redirect) {
        return plan(
                id,
                planId,
                model,
                redirect,
                "plan.done.activity",
                () -> plans.markActivityDone(planId, activityId, date, version));
    }

    @PostMapping("/cases/{id}/services")
    String logService(
            @PathVariable UUID id,
            @ModelAttribute("serviceForm") ServiceRecordForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return refused(id, null, model, "serviceError", messages.text("error.validation"));
        }
        try {
            UUID clientId = page.clientOf(id);
            serviceRecords.log(form.toCommand(clientId, id));
            redirect.addFlashAttribute("notice", "service.done.logged");
            return "redirect:/cases/" + id + "#services";
        } catch (DomainException e) {
            if (!CaseRefusals.shownOnPage(e)) {
                throw e;
            }
            return refused(id, null, model, "serviceError", refusals.describe(e));
        }
    }

    @PostMapping("/cases/{id}/supervision")
    String addNote(
            @PathVariable UUID id,
            @RequestParam(required = false) String text,
            Model model,
            RedirectAttributes redirect) {
        try {
            supervision.add(id, text);
            redirect.addFlashAttribute("notice", "supervision.done.added");
            return "redirect:/cases/" + id + "#supervision";
        } catch (DomainException e) {
            if (!CaseRefusals.shownOnPage(e)) {
                throw e;
            }
            model.addAttribute("noteText", text);
            return refused(id, null, model, "noteError", refusals.describe(e));
        }
    }

    private String plan(
            UUID id, UUID planId, Model model, RedirectAttributes redirect, String notice, Supplier<ServicePlan> step) {
        try {
            ServicePlan plan = step.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArgs", new Object[] {plan.getVersionNumber()});
            return "redirect:/cases/" + id + "#plan";
        } catch (ObjectOptimisticLockingFailureException e) {
            return refused(id, planId, model, "planError", messages.text("error.staleVersion", "?", "?"));
        } catch (DomainException e) {
            if (!CaseRefusals.shownOnPage(e)) {
                throw e;
            }
            return refused(id, planId, model, "planError", refusals.describe(e));
        }
    }

    private String refused(UUID id, UUID planId, Model model, String attribute, String message) {
        model.addAttribute(attribute, message);
        page.fill(id, planId, model);
        return VIEW;
    }

    private static long v(Long version) {
        return version == null ? -1 : version;
    }
}
