package org.casework.web.print;

import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.security.CurrentActor;
import org.casework.web.support.Dates;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Who printed an archive copy and when, by the name people know them by (the print views' last line). */
@Component
@RequiredArgsConstructor
public class PrintColophon {

    private final CurrentActor currentActor;
    private final PeopleNames people;
    private final Clock clock;

    public void addTo(Model model) {
        String login = currentActor.get().username();
        model.addAttribute("printedBy", people.of(List.of(login)).of(login));
        model.addAttribute("printedAt", Dates.dateTime(clock.instant()));
    }
}
