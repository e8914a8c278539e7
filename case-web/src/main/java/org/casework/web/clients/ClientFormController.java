package org.casework.web.clients;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.PossibleDuplicateException;
import org.casework.core.clients.Sex;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.web.support.FormErrors;
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
 * Register and edit. On any refusal the service has saved nothing; the form comes back with the
 * values as typed and the message next to the field at fault.
 */
@Controller
@RequiredArgsConstructor
class ClientFormController {

    private final ClientService clients;
    private final ClientFormOptions options;

    /**
     * A flag about a child not yet in the registry links here with what the reporter knew (name, sex,
     * village), so the worker does not type it again.
     */
    @GetMapping("/clients/new")
    String newClient(
            @RequestParam(required = false) UUID household,
            @RequestParam(required = false) String fullName,
            @RequestParam(required = false) Sex sex,
            @RequestParam(required = false) String residenceRegionCode,
            Model model) {
        ClientForm form = new ClientForm();
        form.setFullName(fullName);
        form.setSex(sex);
        form.setResidenceRegionCode(residenceRegionCode);
        if (household != null) {
            options.preselectHousehold(form, household);
        }
        return show(form, null, model);
    }

    @PostMapping("/clients/new")
    String register(
            @ModelAttribute("form") ClientForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return show(form, null, model);
        }
        try {
            Client client = clients.register(ClientForms.forRegistration(form));
            redirect.addFlashAttribute("notice", "notice.clientRegistered");
            return "redirect:/clients/" + client.getId();
        } catch (PossibleDuplicateException e) {
            model.addAttribute("duplicates", e.getMatches());
            FormErrors.reject(result, e);
        } catch (DomainException e) {
            reject(result, e, model);
        }
        return show(form, null, model);
    }

    @GetMapping("/clients/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Client client = clients.get(id);
        return show(ClientForms.of(client), client, model);
    }

    @PostMapping("/clients/{id}/edit")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") ClientForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Client stored = clients.get(id);
        if (result.hasErrors()) {
            return show(form, stored, model);
        }
        try {
            clients.update(id, form.getVersion() == null ? -1 : form.getVersion(), ClientForms.forUpdate(form, stored));
            redirect.addFlashAttribute("notice", "notice.clientSaved");
            return "redirect:/clients/" + id;
        } catch (ObjectOptimisticLockingFailureException e) {
            result.reject("error.staleVersion", new Object[] {form.getVersion(), "?"}, null);
        } catch (DomainException e) {
            reject(result, e, model);
        }
        return show(form, stored, model);
    }

    private static void reject(BindingResult result, DomainException e, Model model) {
        if (e instanceof ConflictException && e.getMessageKey().equals("client.idNumber.taken")) {
            // the existing record is in the user's jurisdiction: offer to open it instead
            Object[] args = e.getArguments();
            model.addAttribute("existingClientId", args.length > 1 ? args[1] : null);
            result.rejectValue("idNumber", e.getMessageKey(), args, e.getMessageKey());
        } else if (e instanceof ConflictException && e.getMessageKey().startsWith("client.idNumber")) {
            result.rejectValue("idNumber", e.getMessageKey(), e.getArguments(), e.getMessageKey());
        } else if (e instanceof InvalidInputException || e instanceof ConflictException) {
            FormErrors.reject(result, e, ClientForms.FIELD_PATHS);
        } else {
            // AccessDenied and NotFound are not form errors: the error pages handle them
            throw e;
        }
    }

    private String show(ClientForm form, Client stored, Model model) {
        model.addAttribute("form", form);
        options.addTo(model, stored);
        return "clients/form";
    }
}
