package org.casework.web.cases;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.flags.MandatoryReport;
import org.casework.core.flags.MandatoryReportService;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.NotFoundException;
import org.casework.web.flags.MandatoryReportForm;
import org.casework.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Records on the case the report to the police of a mandatory-report situation an assessment found
 * (a flag's report is recorded on the flag's page). A refusal keeps what was typed.
 */
@Controller
@RequiredArgsConstructor
class CasePoliceReportController {

    private final MandatoryReportService reports;
    private final CaseWorkspaceModel page;

    @GetMapping("/cases/{id}/police-report")
    String backToPage(@PathVariable UUID id) {
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/police-report")
    String record(
            @PathVariable UUID id,
            @ModelAttribute("reportForm") MandatoryReportForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            MandatoryReport.Details details = form.toDetails(result);
            if (details != null) {
                try {
                    reports.recordForCase(id, details);
                    redirect.addFlashAttribute("notice", "flag.done.reported");
                    return "redirect:/cases/" + id;
                } catch (NotFoundException | AccessDeniedException e) {
                    throw e;
                } catch (DomainException e) {
                    FormErrors.reject(result, e);
                }
            }
        }
        model.addAttribute("reportFormOpen", true);
        page.fill(id, model);
        return "cases/workspace";
    }
}
