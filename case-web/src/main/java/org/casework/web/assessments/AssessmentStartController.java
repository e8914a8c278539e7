package org.casework.web.assessments;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.Assessment;
import org.casework.core.assessments.AssessmentService;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.clients.ClientService;
import org.casework.core.shared.DomainException;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Starts an assessment: for a case's client (from the workspace) or for a registry client without
 * a case (from the client page). The GET pages confirm the instrument; starting is a POST, because
 * it creates a record.
 */
@Controller
@RequiredArgsConstructor
class AssessmentStartController {

    private static final String VIEW = "assessments/new";

    private final AssessmentService assessments;
    private final CaseService cases;
    private final ClientService clients;
    private final Instruments instruments;
    private final Messages messages;
    private final java.time.Clock clock;

    @GetMapping("/cases/{caseId}/assessments/new")
    String newForCase(@PathVariable UUID caseId, @RequestParam(required = false) String instrument, Model model) {
        CaseFile caseFile = cases.get(caseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute("caseNumber", caseFile.getCaseNumber());
        return show(caseFile.getPrimaryClientId(), instrument, model);
    }

    @GetMapping("/clients/{clientId}/assessments/new")
    String newForClient(@PathVariable UUID clientId, @RequestParam(required = false) String instrument, Model model) {
        return show(clientId, instrument, model);
    }

    @PostMapping("/cases/{caseId}/assessments")
    String startForCase(
            @PathVariable UUID caseId, @RequestParam(required = false) String instrument, RedirectAttributes redirect) {
        CaseFile caseFile = cases.get(caseId);
        return start(caseFile.getPrimaryClientId(), caseId, instrument, redirect, "/cases/" + caseId + "#assessments");
    }

    @PostMapping("/clients/{clientId}/assessments")
    String startForClient(
            @PathVariable UUID clientId,
            @RequestParam(required = false) String instrument,
            RedirectAttributes redirect) {
        return start(clientId, null, instrument, redirect, "/clients/" + clientId + "#assessments");
    }

    /** The start URLs answer a GET (a language switch, a reload) with the page they were posted from. */
    @GetMapping("/cases/{caseId}/assessments")
    String backToCase(@PathVariable UUID caseId) {
        return "redirect:/cases/" + caseId + "#assessments";
    }

    @GetMapping("/clients/{clientId}/assessments")
    String backToClient(@PathVariable UUID clientId) {
        return "redirect:/clients/" + clientId + "#assessments";
    }

    private String start(UUID clientId, UUID caseId, String instrument, RedirectAttributes redirect, String back) {
        try {
            Assessment started = assessments.start(clientId, caseId, instrument);
            redirect.addFlashAttribute("notice", "assessment.done.started");
            return "redirect:/assessments/" + started.getId();
        } catch (DomainException e) {
            if (!AssessmentRefusals.shownOnPage(e)) {
                throw e;
            }
            redirect.addFlashAttribute("assessmentError", messages.of(e));
            return "redirect:" + back;
        }
    }

    private String show(UUID clientId, String instrument, Model model) {
        model.addAttribute("clientId", clientId);
        var client = clients.get(clientId);
        model.addAttribute("clientName", client.getFullName());
        model.addAttribute("instruments", instruments.optionsFor(client.ageOn(java.time.LocalDate.now(clock))));
        model.addAttribute("selected", instrument);
        return VIEW;
    }
}
