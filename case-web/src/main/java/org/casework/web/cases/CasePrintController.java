package org.casework.web.cases;

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
 * The case file's print view (个案档案): what an evaluator checks in the archive — intake, risk,
 * assessments with scores, the plan with its approval, the service log, referrals, closure and
 * follow-up — on one page without navigation or buttons. The same services as the workspace decide
 * who may see it.
 */
@Controller
@RequiredArgsConstructor
class CasePrintController {

    private final CaseWorkspaceModel page;
    private final CurrentActor currentActor;
    private final PeopleNames people;
    private final Clock clock;

    @GetMapping("/cases/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        page.fill(id, model);
        // who printed, by the name on the archive copy (the access itself is audited by login)
        String login = currentActor.get().username();
        model.addAttribute("printedBy", people.of(List.of(login)).of(login));
        model.addAttribute("printedAt", Dates.dateTime(clock.instant()));
        return "print/case";
    }
}
