package org.casework.web.clients;

import java.time.LocalDate;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.TooManyRevealsException;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.RegistryReviewService;
import org.casework.core.clients.RevealedIdentifiers;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.casework.web.support.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The client page and its small forms: show full numbers (with a logged reason), add and end
 * categories.
 */
@Controller
@RequiredArgsConstructor
class ClientPageController {

    private final ClientService clients;
    private final ClientPageModel page;
    private final org.casework.core.services.ServiceRecordService serviceRecords;
    private final org.casework.web.support.Messages messages;
    private final RegistryReviewService reviews;

    @GetMapping("/clients/{id}")
    String show(@PathVariable UUID id, Model model) {
        page.fill(id, model);
        return "clients/show";
    }

    /** The action URLs answer a GET (a language switch, a reload) with the client page. */
    @GetMapping({
        "/clients/{id}/reveal",
        "/clients/{id}/categories",
        "/clients/{id}/categories/{categoryId}/end",
        "/clients/{id}/services",
        "/clients/{id}/reviews/{reviewId}/resolution"
    })
    String backToPage(@PathVariable UUID id) {
        return "redirect:/clients/" + id;
    }

    /** Full numbers are rendered into this one response only, never into a redirect or the session. */
    @PostMapping("/clients/{id}/reveal")
    String reveal(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        try {
            RevealedIdentifiers revealed = clients.reveal(id, reason);
            model.addAttribute("revealed", revealed);
        } catch (InvalidInputException | TooManyRevealsException e) {
            model.addAttribute("revealError", e);
            model.addAttribute("revealReason", reason);
        }
        page.fill(id, model);
        return "clients/show";
    }

    /** Logs a visit or service outside any case: village directors log their village's visits here. */
    @PostMapping("/clients/{id}/services")
    String logService(
            @PathVariable UUID id,
            @ModelAttribute("serviceForm") org.casework.web.services.ServiceRecordForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        String error;
        if (result.hasErrors()) {
            error = messages.text("error.validation");
        } else {
            try {
                serviceRecords.log(form.toCommand(id, null));
                redirect.addFlashAttribute("notice", "service.done.logged");
                return "redirect:/clients/" + id + "#visits";
            } catch (InvalidInputException | ConflictException e) {
                error = messages.of(e);
            }
        }
        model.addAttribute("serviceError", error);
        page.fill(id, model);
        return "clients/show";
    }

    @PostMapping("/clients/{id}/categories")
    String addCategory(
            @PathVariable UUID id,
            @ModelAttribute("categoryForm") CategoryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                clients.addCategory(id, form.getVersion() == null ? -1 : form.getVersion(), form.toInput());
                redirect.addFlashAttribute("notice", "notice.categoryAdded");
                return "redirect:/clients/" + id + "#categories";
            } catch (InvalidInputException | ConflictException e) {
                FormErrors.reject(result, e, java.util.Map.of("category", "type"));
            }
        }
        model.addAttribute("categoryFormOpen", true);
        page.fill(id, model);
        return "clients/show";
    }

    @PostMapping("/clients/{id}/categories/{categoryId}/end")
    String endCategory(
            @PathVariable UUID id,
            @PathVariable UUID categoryId,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            clients.endCategory(id, version == null ? -1 : version, categoryId, endDate, reason);
            redirect.addFlashAttribute("notice", "notice.categoryEnded");
        } catch (InvalidInputException | ConflictException e) {
            // a short form: the message goes above the categories, the user retypes one reason
            redirect.addFlashAttribute("categoryError", e.getMessageKey());
            redirect.addFlashAttribute("categoryErrorArgs", e.getArguments());
            redirect.addFlashAttribute("categoryErrorId", categoryId);
        }
        return "redirect:/clients/" + id + "#categories";
    }

    /** The station records what it decided on a review (复核); a refusal keeps the page and says why. */
    @PostMapping("/clients/{id}/reviews/{reviewId}/resolution")
    String resolveReview(
            @PathVariable UUID id,
            @PathVariable UUID reviewId,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String resolution,
            RedirectAttributes redirect) {
        try {
            reviews.resolve(id, reviewId, version == null ? -1 : version, resolution);
            redirect.addFlashAttribute("reviewNotice", "reviews.done");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("reviewError", messages.of(e));
            redirect.addFlashAttribute("reviewErrorId", reviewId);
        }
        return "redirect:/clients/" + id + "#reviews";
    }
}
