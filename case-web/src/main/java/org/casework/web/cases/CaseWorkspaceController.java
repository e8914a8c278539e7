package org.casework.web.cases;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseService;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.web.support.Messages;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case workspace and its small forms: lifecycle steps and the risk level. Every form carries
 * the version the user saw; a refused step changes nothing and comes back with the message next
 * to the form that caused it.
 */
@Controller
@RequiredArgsConstructor
class CaseWorkspaceController {

    private static final String VIEW = "cases/workspace";

    private final CaseService cases;
    private final CaseWorkspaceModel page;
    private final CaseRefusals refusals;
    private final Messages messages;

    @GetMapping("/cases/{id}")
    String show(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) UUID plan,
            Model model) {
        page.fill(id, plan, model);
        return VIEW;
    }

    /** The action URLs answer a GET (a language switch, a reload) with the workspace. */
    @GetMapping({"/cases/{id}/steps", "/cases/{id}/risk", "/cases/{id}/reassign"})
    String backToPage(@PathVariable UUID id) {
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/steps")
    String step(
            @PathVariable UUID id,
            @ModelAttribute("stepForm") StepForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors() || form.getAction() == null) {
            return refused(id, model, messages.text("error.validation"), null);
        }
        try {
            cases.transition(id, form.expectedVersion(), form.toRequest());
            redirect.addFlashAttribute("notice", "case.done." + form.getAction());
            return "redirect:/cases/" + id;
        } catch (ObjectOptimisticLockingFailureException e) {
            return refused(id, model, messages.text("error.staleVersion", form.getVersion(), "?"), null);
        } catch (DomainException e) {
            if (!CaseRefusals.shownOnPage(e)) {
                throw e;
            }
            return refused(id, model, refusals.describe(e), fieldOf(e));
        }
    }

    @PostMapping("/cases/{id}/risk")
    String risk(
            @PathVariable UUID id,
            @ModelAttribute("riskForm") RiskForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return riskRefused(id, form, model, messages.text("error.validation"), null);
        }
        try {
            cases.setRisk(id, form.expectedVersion(), form.getLevel(), form.getReason());
            redirect.addFlashAttribute(
                    "notice", form.isOverride() ? "case.risk.overridden.done" : "case.risk.confirmed.done");
            return "redirect:/cases/" + id + "#risk";
        } catch (ObjectOptimisticLockingFailureException e) {
            return riskRefused(id, form, model, messages.text("error.staleVersion", form.getVersion(), "?"), null);
        } catch (DomainException e) {
            if (!CaseRefusals.shownOnPage(e)) {
                throw e;
            }
            return riskRefused(id, form, model, refusals.describe(e), fieldOf(e));
        }
    }

    /** A supervisor hands the case to another worker of its station. */
    @PostMapping("/cases/{id}/reassign")
    String reassign(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Long version,
            @org.springframework.web.bind.annotation.RequestParam(required = false) UUID workerId,
            Model model,
            RedirectAttributes redirect) {
        try {
            cases.reassign(id, version == null ? -1 : version, workerId);
            redirect.addFlashAttribute("notice", "case.reassign.done");
            return "redirect:/cases/" + id;
        } catch (ObjectOptimisticLockingFailureException e) {
            model.addAttribute("reassignError", messages.text("error.staleVersion", version, "?"));
        } catch (DomainException e) {
            if (!CaseRefusals.shownOnPage(e)) {
                throw e;
            }
            model.addAttribute("reassignError", refusals.describe(e));
        }
        page.fill(id, model);
        return VIEW;
    }

    private String refused(UUID id, Model model, String message, String field) {
        model.addAttribute("stepError", message);
        model.addAttribute("stepErrorField", field);
        page.fill(id, model);
        return VIEW;
    }

    private String riskRefused(UUID id, RiskForm form, Model model, String message, String field) {
        model.addAttribute(form.isOverride() ? "overrideError" : "confirmError", message);
        model.addAttribute("riskErrorField", field);
        page.fill(id, model);
        return VIEW;
    }

    private static String fieldOf(DomainException e) {
        return e instanceof InvalidInputException invalid ? invalid.getField() : null;
    }
}
