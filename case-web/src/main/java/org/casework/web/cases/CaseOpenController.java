package org.casework.web.cases;

import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.cases.CaseService.OpenCase;
import org.casework.core.shared.DomainException;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opens a case (a lead) from the client page and goes to its workspace. A short form: on a refusal
 * the client page comes back with the message and what was typed.
 */
@Controller
@RequiredArgsConstructor
class CaseOpenController {

    private final CaseService cases;
    private final Messages messages;

    @GetMapping("/clients/{clientId}/cases")
    String backToClient(@PathVariable UUID clientId) {
        return "redirect:/clients/" + clientId + "#cases";
    }

    @PostMapping("/clients/{clientId}/cases")
    String open(
            @PathVariable UUID clientId,
            @ModelAttribute OpenCaseForm form,
            BindingResult binding,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                CaseFile opened =
                        cases.open(new OpenCase(clientId, form.getSource(), form.getReason(), null, List.of()));
                redirect.addFlashAttribute("notice", "case.done.OPEN");
                redirect.addFlashAttribute("noticeArgs", new Object[] {opened.getCaseNumber()});
                return "redirect:/cases/" + opened.getId();
            } catch (DomainException e) {
                if (!CaseRefusals.shownOnPage(e)) {
                    throw e;
                }
                redirect.addFlashAttribute("openCaseError", messages.of(e));
            }
        } else {
            redirect.addFlashAttribute("openCaseError", messages.text("error.validation"));
        }
        redirect.addFlashAttribute("openCaseForm", form);
        return "redirect:/clients/" + clientId + "#cases";
    }
}
