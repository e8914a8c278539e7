package org.casework.web.station;

import lombok.RequiredArgsConstructor;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationService;
import org.casework.core.organisations.OrganisationService.Contact;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own organisation (本站信息): its name and office contact; the station head changes the
 * phone here. Who may change it is decided in core ({@code ContactPolicy}), not by this page.
 */
@Controller
@RequiredArgsConstructor
class StationPageController {

    private final OrganisationService organisations;

    @GetMapping("/station")
    String show(Model model) {
        Organisation own = organisations.own().orElseThrow(() -> new NotFoundException("organisation"));
        model.addAttribute("station", own);
        model.addAttribute("canEdit", organisations.mayChangeContact(own));
        if (!model.containsAttribute("contactName")) {
            model.addAttribute("contactName", own.getContactName());
            model.addAttribute("contactPhone", own.getContactPhone());
        }
        return "station/show";
    }

    @PostMapping("/station/contact")
    String change(
            @RequestParam(required = false) String contactName,
            @RequestParam(required = false) String contactPhone,
            Model model,
            RedirectAttributes redirect) {
        Organisation own = organisations.own().orElseThrow(() -> new NotFoundException("organisation"));
        try {
            organisations.changeContact(own.getId(), new Contact(contactName, contactPhone));
        } catch (InvalidInputException e) {
            // keep what was typed, and say what is wrong with it
            model.addAttribute("contactError", e);
            model.addAttribute("contactName", contactName);
            model.addAttribute("contactPhone", contactPhone);
            return show(model);
        }
        redirect.addFlashAttribute("notice", "station.contact.saved");
        return "redirect:/station";
    }
}
