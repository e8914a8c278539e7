package org.casework.web.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.assessments.AssessmentStatus;
import org.casework.core.caseload.CaseWorker;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.CaseTransition;
import org.casework.core.cases.ClosureReason;
import org.casework.core.cases.IntakeBasis;
import org.casework.core.cases.RiskChange;
import org.casework.core.cases.RiskChangeKind;
import org.casework.core.clients.ClientService;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.MandatoryReportService;
import org.casework.core.plans.ActivityType;
import org.casework.core.plans.PlanActivity;
import org.casework.core.plans.PlanService;
import org.casework.core.plans.ServicePlan;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.services.ServiceRecordService;
import org.casework.core.services.ServiceType;
import org.casework.core.shared.RiskLevel;
import org.casework.core.supervision.SupervisionService;
import org.casework.core.visits.VisitScheduleService;
import org.casework.web.assessments.AssessmentRow;
import org.casework.web.assessments.Instruments;
import org.casework.web.assessments.PoliceReportAlarms;
import org.casework.web.clients.VisitScheduleViews;
import org.casework.web.flags.MandatoryReportForm;
import org.casework.web.referrals.ReferralRow;
import org.casework.web.services.ServiceRecordForm;
import org.casework.web.services.ServiceRecordRow;
import org.casework.web.support.Dates;
import org.casework.web.support.Messages;
import org.springframework.data.domain.PageRequest;
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
    private final PlanService plans;
    private final ServiceRecordService serviceRecords;
    private final SupervisionService supervision;
    private final CaseloadService caseloads;
    private final ReferralService referrals;
    private final FlagService flags;
    private final MandatoryReportService mandatoryReports;
    private final Clock clock;
    private final VisitScheduleService visits;
    private final VisitScheduleViews scheduleViews;
    private final PoliceReportAlarms policeReports;
    private final PeopleNames people;

    /** The case's records listed on the workspace; older ones are on the client's page. */
    static final int RECORDS_SHOWN = 50;

    /** A supervision note as listed. */
    record NoteView(String at, String author, String text) {}

    void fill(UUID id, Model model) {
        fill(id, null, model);
    }

    /** The case's primary client, for forms that log against the client. */
    UUID clientOf(UUID caseId) {
        return cases.get(caseId).getPrimaryClientId();
    }

    /** The workspace with one plan version shown (the newest when {@code planId} is null). */
    void fill(UUID id, UUID planId, Model model) {
        CaseFile caseFile = cases.get(id);
        Actor me = currentActor.get();
        // Read once: both the plan editor and the reassignment form offer the supervisor's workers.
        List<CaseWorker> staff = me.has(Permission.SUPERVISE_CASES) ? caseloads.caseWorkers() : List.of();
        fill(caseFile, model, staff);
        fillPlan(caseFile, planId, model, staff);
        fillServices(caseFile, model);
        fillReferrals(caseFile, model);
        fillFlags(caseFile, model);
        var notes = supervision.list(id);
        DisplayNames authors = people.of(notes.stream().map(n -> n.getAuthor()).toList());
        model.addAttribute(
                "notes",
                notes.stream()
                        .map(n ->
                                new NoteView(Dates.dateTime(n.getCreatedAt()), authors.of(n.getAuthor()), n.getText()))
                        .toList());
    }

    private void fillPlan(CaseFile caseFile, UUID planId, Model model, List<CaseWorker> staff) {
        Actor me = currentActor.get();
        List<ServicePlan> versions = plans.versions(caseFile.getId());
        ServicePlan shown = versions.stream()
                .filter(p -> planId == null || p.getId().equals(planId))
                .findFirst()
                .orElse(null);
        model.addAttribute(
                "planVersions",
                versions.stream()
                        .map(p -> new PlanView.VersionLink(p.getId(), p.getVersionNumber(), p.getStatus()))
                        .toList());
        boolean pending = !versions.isEmpty() && versions.get(0).isPending();
        model.addAttribute(
                "canStartPlan",
                me.has(Permission.WRITE_CASES) && caseFile.getState().isOpen() && !pending);
        model.addAttribute("activityTypes", ActivityType.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (shown == null) {
            model.addAttribute("plan", null);
            model.addAttribute("planActivities", List.of());
            return;
        }
        boolean newest = shown.getId().equals(versions.get(0).getId());
        model.addAttribute(
                "plan",
                PlanView.of(
                        shown, plans.ownerLabels(shown), LocalDate.now(clock), people.of(PlanView.loginsOf(shown))));
        model.addAttribute("planIsNewest", newest);
        if (shown.getStatus() == org.casework.core.plans.PlanStatus.DRAFT && me.has(Permission.WRITE_CASES)) {
            ownerOptions(caseFile, shown, me, staff, model);
        }
        if (shown.getStatus() == org.casework.core.plans.PlanStatus.DRAFT && !model.containsAttribute("planForm")) {
            model.addAttribute("planForm", PlanForm.of(shown));
        }
        // activities a service record may be linked to: those of the approved plan in force
        model.addAttribute(
                "planActivities",
                versions.stream()
                        .filter(p -> p.getStatus() == org.casework.core.plans.PlanStatus.APPROVED)
                        .findFirst()
                        .map(ServicePlan::getActivities)
                        .orElse(List.of())
                        .stream()
                        .filter(a -> !a.isDone())
                        .toList());
    }

    /**
     * Who may be named responsible, in three groups: station staff (supervisors choose among the
     * case workers of their jurisdiction; a worker names the case's worker or themself), the village
     * child directors of the client's village, and the partner organisations serving it (or one
     * written in). People and partners already named stay listed. Keys are the form's values.
     */
    private void ownerOptions(CaseFile caseFile, ServicePlan plan, Actor me, List<CaseWorker> staff, Model model) {
        PlanService.OwnerChoices choices = plans.ownerChoices(caseFile.getId());
        Map<String, String> directors = new LinkedHashMap<>();
        choices.directors().forEach(d -> directors.put(d.getId().toString(), d.getDisplayName()));
        Map<String, String> partners = new LinkedHashMap<>();
        choices.partners().forEach(o -> partners.put(PlanForm.ORGANISATION + o.getId(), o.getName()));
        Map<UUID, PlanService.OwnerLabel> named = plans.ownerLabels(plan);
        Map<String, String> options = new LinkedHashMap<>();
        Set<UUID> ids = new HashSet<>();
        if (caseFile.getAssignedWorkerId() != null) {
            ids.add(caseFile.getAssignedWorkerId());
        }
        ids.add(me.userId());
        staff.forEach(w -> options.put(w.id().toString(), w.displayName()));
        Map<UUID, String> names = accounts.staffNames(ids);
        ids.stream()
                .filter(id -> !options.containsKey(id.toString()))
                .forEach(id -> options.put(id.toString(), names.getOrDefault(id, "—")));
        for (PlanActivity a : plan.getActivities()) {
            PlanService.OwnerLabel label = named.get(a.getId());
            if (label == null || a.owner().partnerName() != null) {
                continue;
            }
            if (a.owner().organisationId() != null) {
                partners.putIfAbsent(PlanForm.ORGANISATION + a.owner().organisationId(), label.name());
            } else if (label.kind() == PlanService.OwnerKind.VILLAGE_DIRECTOR) {
                directors.putIfAbsent(a.owner().userId().toString(), label.name());
            } else {
                options.putIfAbsent(a.owner().userId().toString(), label.name());
            }
        }
        if (model.getAttribute("planForm") instanceof PlanForm posted) {
            keepChosen(posted, options, directors, partners);
        }
        model.addAttribute("workerOptions", options);
        model.addAttribute("directorOptions", directors);
        model.addAttribute("partnerOptions", partners);
    }

    /**
     * A refused form comes back with what was chosen still chosen: an owner the lists no longer
     * offer (a director of another village, a partner not serving the area, a stale page) is added
     * to its group under its name, so the user sees what was refused instead of 请选择.
     */
    private void keepChosen(
            PlanForm posted, Map<String, String> staff, Map<String, String> directors, Map<String, String> partners) {
        Set<UUID> userIds = new HashSet<>();
        Set<UUID> organisationIds = new HashSet<>();
        for (PlanForm.Row row : posted.getActivities()) {
            String choice = row == null || row.getWorkerId() == null
                    ? ""
                    : row.getWorkerId().strip();
            if (choice.isEmpty()
                    || PlanForm.OTHER_PARTNER.equals(choice)
                    || staff.containsKey(choice)
                    || directors.containsKey(choice)
                    || partners.containsKey(choice)) {
                continue;
            }
            boolean organisation = choice.startsWith(PlanForm.ORGANISATION);
            UUID id = uuidOrNull(organisation ? choice.substring(PlanForm.ORGANISATION.length()) : choice);
            if (id != null) {
                (organisation ? organisationIds : userIds).add(id);
            }
        }
        if (userIds.isEmpty() && organisationIds.isEmpty()) {
            return;
        }
        plans.choiceLabels(userIds, organisationIds).forEach((id, label) -> {
            switch (label.kind()) {
                case PARTNER -> partners.put(PlanForm.ORGANISATION + id, label.name());
                case VILLAGE_DIRECTOR -> directors.put(id.toString(), label.name());
                case STAFF -> staff.put(id.toString(), label.name());
            }
        });
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Supervisors may hand an open case to another case worker of their jurisdiction. */
    private static Map<UUID, String> reassignOptions(CaseFile caseFile, Actor me, List<CaseWorker> staff) {
        if (!me.has(Permission.SUPERVISE_CASES) || !caseFile.getState().isOpen()) {
            return null;
        }
        Map<UUID, String> options = new LinkedHashMap<>();
        staff.stream()
                .filter(w -> !w.id().equals(caseFile.getAssignedWorkerId()))
                .forEach(w -> options.put(w.id(), w.displayName()));
        return options;
    }

    private void fillServices(CaseFile caseFile, Model model) {
        model.addAttribute(
                "records",
                ServiceRecordRow.of(
                        serviceRecords
                                .forCase(caseFile.getId(), PageRequest.of(0, RECORDS_SHOWN))
                                .getContent(),
                        people));
        model.addAttribute("serviceTypes", ServiceType.values());
        if (!model.containsAttribute("serviceForm")) {
            model.addAttribute("serviceForm", ServiceRecordForm.now(clock));
        }
    }

    /** Where a case came from when a flag opened it, and the reports to the police made for it. */
    record FlagLink(UUID id, String type, String raisedAt) {}

    record PoliceReport(String reportedAt, String receivingUnit, String officer, String receiptNumber) {}

    private void fillFlags(CaseFile caseFile, Model model) {
        model.addAttribute(
                "caseFlags",
                flags.forCase(caseFile.getId()).stream()
                        .map(f -> new FlagLink(
                                f.getId(), messages.label("flag.type", f.getType()), Dates.dateTime(f.getRaisedAt())))
                        .toList());
        model.addAttribute(
                "policeReports",
                mandatoryReports.forCase(caseFile.getId()).stream()
                        .map(r -> new PoliceReport(
                                Dates.dateTime(r.getReportedAt()),
                                r.getReceivingUnit(),
                                r.getOfficer(),
                                r.getReceiptNumber()))
                        .toList());
    }

    /** The case's referrals with their status and outcome: the loop closes on the case. */
    private void fillReferrals(CaseFile caseFile, Model model) {
        List<Referral> list = referrals.forCase(caseFile.getId());
        Map<UUID, String> names =
                list.isEmpty() ? Map.of() : referrals.organisationNames(ReferralRow.organisationsOf(list));
        model.addAttribute(
                "caseReferrals",
                list.stream()
                        .map(r -> ReferralRow.of(r, names, clock.instant()))
                        .toList());
        model.addAttribute(
                "canRefer",
                currentActor.get().has(Permission.WRITE_CASES) && ReferralService.referable(caseFile.getState()));
    }

    private void fill(CaseFile caseFile, Model model, List<CaseWorker> workers) {
        Actor me = currentActor.get();
        Map<UUID, String> staff = accounts.staffNames(staffIds(caseFile));
        var client = clients.get(caseFile.getPrimaryClientId());
        String clientName = client.getFullName();
        CaseView view = CaseView.of(
                caseFile,
                clientName,
                proposalPending(caseFile),
                caseFile.getAssignedWorkerId() == null ? null : staff.get(caseFile.getAssignedWorkerId()),
                me.userId());
        model.addAttribute("case", view);
        model.addAttribute("steps", stepsFor(caseFile, me));
        DisplayNames actors = actorsOf(caseFile);
        model.addAttribute("timeline", timeline(caseFile, staff, actors));
        model.addAttribute("riskHistory", riskHistory(caseFile, actors));
        model.addAttribute("effectiveRisk", caseFile.effectiveRisk());
        model.addAttribute("proposalWhy", proposalWhy(caseFile));
        model.addAttribute("confirmableLevels", confirmableLevels(caseFile));
        model.addAttribute("clientVisits", scheduleViews.of(visits.forClient(caseFile.getPrimaryClientId())));
        List<AssessmentRow> assessments = instruments.rowsForCase(caseFile.getPrimaryClientId(), caseFile.getId());
        model.addAttribute("assessments", assessments);
        boolean mandatoryReport = assessments.stream().anyMatch(AssessmentRow::mandatoryReport);
        model.addAttribute("mandatoryReport", mandatoryReport);
        model.addAttribute(
                "policeReport",
                mandatoryReport ? policeReports.forCase(caseFile.getId(), caseFile.getPrimaryClientId()) : null);
        model.addAttribute(
                "stepper",
                CaseStepper.of(
                        caseFile.getState(),
                        caseFile.getStateBeforeSuspension(),
                        caseFile.getClosureReason(),
                        assessments.stream().anyMatch(a -> a.status() == AssessmentStatus.SIGNED)));
        model.addAttribute("instruments", instruments.optionsFor(client.ageOn(LocalDate.now(clock))));
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("intakeBases", IntakeBasis.values());
        model.addAttribute("closureReasons", ClosureReason.values());
        model.addAttribute("sources", CaseSource.values());
        model.addAttribute("canOverride", me.has(Permission.SUPERVISE_CASES) && !view.assignedToMe());
        model.addAttribute("reassignOptions", reassignOptions(caseFile, me, workers));
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", new MandatoryReportForm());
        }
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

    /** Why the rules proposed the current proposal: its triggers in words. */
    private String proposalWhy(CaseFile caseFile) {
        List<RiskChange> history = caseFile.getRiskHistory();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).getKind() == RiskChangeKind.PROPOSED) {
                return instruments.triggersAnywhere(history.get(i).getReason());
            }
        }
        return null;
    }

    /** The levels a worker may confirm: the proposal or above (lower is a supervisor's override). */
    private static List<RiskLevel> confirmableLevels(CaseFile caseFile) {
        return Arrays.stream(RiskLevel.values())
                .filter(l -> !caseFile.isBelowProposal(l))
                .toList();
    }

    /** A proposal waits for the worker unless the decided level already is what the rules propose. */
    private static boolean proposalPending(CaseFile caseFile) {
        List<RiskChange> history = caseFile.getRiskHistory();
        return !history.isEmpty()
                && history.get(history.size() - 1).getKind() == RiskChangeKind.PROPOSED
                && caseFile.getRiskLevel() != caseFile.getProposedRiskLevel();
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

    /** Who took the case's steps and changed its risk level, by display name, in one query. */
    private DisplayNames actorsOf(CaseFile caseFile) {
        List<String> logins = new ArrayList<>();
        caseFile.getTransitions().forEach(t -> logins.add(t.getActor()));
        caseFile.getRiskHistory().forEach(r -> logins.add(r.getActor()));
        return people.of(logins);
    }

    /** Newest first: the last step is what the worker needs to see. */
    private List<TimelineEntry> timeline(CaseFile caseFile, Map<UUID, String> staff, DisplayNames actors) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (CaseTransition t : caseFile.getTransitions()) {
            entries.add(
                    0,
                    new TimelineEntry(
                            Dates.dateTime(t.getOccurredAt()),
                            actors.of(t.getActor()),
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

    private List<RiskEntry> riskHistory(CaseFile caseFile, DisplayNames actors) {
        List<RiskEntry> entries = new ArrayList<>();
        for (RiskChange r : caseFile.getRiskHistory()) {
            String reason = r.getKind() == RiskChangeKind.PROPOSED
                    ? instruments.triggersAnywhere(r.getReason())
                    : r.getReason();
            entries.add(
                    0,
                    new RiskEntry(
                            Dates.dateTime(r.getOccurredAt()),
                            actors.of(r.getActor()),
                            r.getLevel(),
                            r.getKind(),
                            r.getProposedLevel(),
                            reason));
        }
        return entries;
    }
}
