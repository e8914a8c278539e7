package org.casework.web.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.CaseTransition;
import org.casework.core.cases.ClosureReason;
import org.casework.core.cases.IntakeBasis;
import org.casework.core.cases.RiskChange;
import org.casework.core.cases.RiskChangeKind;
import org.casework.core.clients.ClientService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.RiskLevel;
import org.casework.web.assessments.AssessmentRow;
import org.casework.web.assessments.Instruments;
import org.casework.web.support.Dates;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Gathers everything the case workspace shows, for the page itself and for its forms' error replies. */
@Component
@RequiredArgsConstructor
class CaseWorkspaceModel {

    private static final String REASSIGN = "REASSIGN";
    private static final String REQUEST_CLOSURE = "REQUEST_CLOSURE";

    private final CaseService cases;
    private final ClientService clients;
    private final AccountService accounts;
    private final Instruments instruments;
    private final CurrentActor currentActor;
    private final Messages messages;

    void fill(UUID id, Model model) {
        fill(cases.get(id), model);
    }

    void fill(CaseFile caseFile, Model model) {
        Actor me = currentActor.get();
        Map<UUID, String> staff = accounts.staffNames(staffIds(caseFile));
        String clientName = clients.get(caseFile.getPrimaryClientId()).getFullName();
        CaseView view = CaseView.of(
                caseFile,
                clientName,
                proposalPending(caseFile),
                caseFile.getAssignedWorkerId() == null ? null : staff.get(caseFile.getAssignedWorkerId()),
                me.userId());
        model.addAttribute("case", view);
        model.addAttribute("steps", stepsFor(caseFile, me));
        model.addAttribute("timeline", timeline(caseFile, staff));
        model.addAttribute("riskHistory", riskHistory(caseFile));
        List<AssessmentRow> assessments = instruments.rowsForCase(caseFile.getPrimaryClientId(), caseFile.getId());
        model.addAttribute("assessments", assessments);
        model.addAttribute("mandatoryReport", assessments.stream().anyMatch(AssessmentRow::mandatoryReport));
        model.addAttribute("instruments", instruments.options());
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("intakeBases", IntakeBasis.values());
        model.addAttribute("closureReasons", ClosureReason.values());
        model.addAttribute("sources", CaseSource.values());
        model.addAttribute("canOverride", me.has(Permission.SUPERVISE_CASES) && !view.assignedToMe());
        if (!model.containsAttribute("stepForm")) {
            model.addAttribute("stepForm", new StepForm());
        }
        if (!model.containsAttribute("riskForm")) {
            RiskForm form = new RiskForm();
            form.setLevel(
                    caseFile.getProposedRiskLevel() != null
                            ? caseFile.getProposedRiskLevel()
                            : caseFile.getRiskLevel());
            model.addAttribute("riskForm", form);
        }
    }

    /** Supervisory steps go to supervisors only (on their own case the page says why they cannot approve). */
    private static List<Step> stepsFor(CaseFile caseFile, Actor me) {
        if (!me.has(Permission.WRITE_CASES)) {
            return List.of();
        }
        return CaseSteps.offeredIn(caseFile.getState(), caseFile.getClosureReason()).stream()
                .filter(s -> !s.supervisory() || me.has(Permission.SUPERVISE_CASES))
                .toList();
    }

    private static boolean proposalPending(CaseFile caseFile) {
        List<RiskChange> history = caseFile.getRiskHistory();
        return !history.isEmpty() && history.get(history.size() - 1).getKind() == RiskChangeKind.PROPOSED;
    }

    private static Set<UUID> staffIds(CaseFile caseFile) {
        Set<UUID> ids = new HashSet<>();
        if (caseFile.getAssignedWorkerId() != null) {
            ids.add(caseFile.getAssignedWorkerId());
        }
        caseFile.getTransitions().stream()
                .filter(t -> REASSIGN.equals(t.getAction()) && t.getReason() != null)
                .forEach(t -> ids.add(UUID.fromString(t.getReason())));
        return ids;
    }

    /** Newest first: the last step is what the worker needs to see. */
    private List<TimelineEntry> timeline(CaseFile caseFile, Map<UUID, String> staff) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (CaseTransition t : caseFile.getTransitions()) {
            entries.add(
                    0,
                    new TimelineEntry(
                            Dates.dateTime(t.getOccurredAt()),
                            t.getActor(),
                            t.getAction(),
                            t.getToState(),
                            reasonOf(t, staff)));
        }
        return entries;
    }

    /** Some steps record a code as their reason: the closure reason, the new worker's id. */
    private String reasonOf(CaseTransition t, Map<UUID, String> staff) {
        if (t.getReason() == null) {
            return null;
        }
        return switch (t.getAction()) {
            case REQUEST_CLOSURE -> messages.label("closureReason", t.getReason());
            case REASSIGN -> staff.getOrDefault(UUID.fromString(t.getReason()), "");
            default -> t.getReason();
        };
    }

    private List<RiskEntry> riskHistory(CaseFile caseFile) {
        List<RiskEntry> entries = new ArrayList<>();
        for (RiskChange r : caseFile.getRiskHistory()) {
            String reason = r.getKind() == RiskChangeKind.PROPOSED
                    ? instruments.triggersAnywhere(r.getReason())
                    : r.getReason();
            entries.add(
                    0,
                    new RiskEntry(Dates.dateTime(r.getOccurredAt()), r.getActor(), r.getLevel(), r.getKind(), reason));
        }
        return entries;
    }
}
