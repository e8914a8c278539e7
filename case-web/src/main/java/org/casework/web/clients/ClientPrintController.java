package org.casework.web.clients;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.security.CurrentActor;
import org.casework.web.support.Dates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A client's record as printed for the archive (一人一档): registry data, categories, cases,
 * assessments, service log and the change history, without navigation or buttons. Numbers stay
 * masked: a printout leaves the system, so it never carries a full ID or phone number.
 */
@Controller
@RequiredArgsConstructor
class ClientPrintController {

    private final ClientPageModel page;
    private final CurrentActor currentActor;
    private final PeopleNames people;
    private final Clock clock;

    @GetMapping("/clients/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        page.fill(id, model);
        // who printed, by the name on the archive copy (the access itself is audited by login)
        String login = currentActor.get().username();
        model.addAttribute("printedBy", people.of(List.of(login)).of(login));
        model.addAttribute("printedAt", Dates.dateTime(clock.instant()));
        return "print/client";
    }
}
