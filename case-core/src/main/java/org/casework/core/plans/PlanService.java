package org.casework.core.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.UserAccount;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.audit.AuditTrail;
import org.casework.core.cases.ApprovalDecided;
import org.casework.core.cases.ApprovalKind;
import org.casework.core.cases.ApprovalRequested;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.Stamp;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.security.Role;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service plans of the cases the caller may see: a plan outside the caller's jurisdiction reads as
 * not found. Submitting, approving and returning a plan also move its case, in the same
 * transaction, so the case's guards (a signed assessment, a supervisor for red and orange, not
 * one's own case) decide for both, and either both change or neither does.
 */
@Service
@RequiredArgsConstructor
public class PlanService {

    static final String ENTITY = "ServicePlan";

    private final ServicePlanRepository plans;
    private final CaseService cases;
    private final UserAccountRepository users;
    private final OrganisationRepository organisations;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /**
     * Starts the next version of the case's plan. It copies the newest returned or approved version
     * when there is one, else it starts empty. Refused while another version is a draft or under
     * review, and for a case that is no longer open.
     */
    @Transactional
    public ServicePlan createDraft(UUID caseId) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        CaseFile caseFile = cases.get(caseId);
        if (!caseFile.getState().isOpen()) {
            throw new ConflictException("plan.case.notOpen", caseFile.getState().name());
        }
        List<ServicePlan> versions = plans.findByCaseIdOrderByVersionNumberDesc(caseId);
        ServicePlan draft;
        if (versions.isEmpty()) {
            draft = ServicePlan.draft(caseId, 1);
        } else {
            ServicePlan newest = versions.get(0);
            if (newest.isPending()) {
                throw new ConflictException("plan.pendingExists", newest.getVersionNumber());
            }
            draft = newest.revise(newest.getVersionNumber() + 1);
        }
        // Flushed now: two drafts racing for the same version number meet the unique key here.
        plans.saveAndFlush(draft);
        audit.recordChange(
                ENTITY,
                draft.getId(),
                "CREATED",
                null,
                draft.getBasedOn() == null ? null : "based on " + draft.getBasedOn(),
                actor.username());
        return loaded(draft);
    }

    /**
     * Replaces a draft's goals, activities and review date. Who is responsible must fit the client's
     * village: see {@link ActivityOwnerRule}.
     */
    @Transactional
    public ServicePlan updateDraft(UUID planId, long expectedVersion, PlanInput input) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        ServicePlan plan = find(planId);
        CaseFile caseFile = cases.get(plan.getCaseId());
        plan.checkVersion(expectedVersion);
        if (input == null) {
            throw new InvalidInputException("goals", "plan.goals.required");
        }
        checkResponsibleWorkers(input, caseFile);
        plan.update(input);
        audit.recordChange(ENTITY, planId, "UPDATED", List.of("goals", "activities", "reviewDate"), actor.username());
        return loaded(plans.saveAndFlush(plan));
    }

    /**
     * Submits a complete draft and moves the case to plan review. When the case's risk needs no
     * supervisor's review (policy: green and yellow, unless the county wants all reviewed), the case
     * goes straight to ACTIVE and the plan is approved without review.
     */
    @Transactional
    public ServicePlan submit(UUID planId, long expectedVersion) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        ServicePlan plan = find(planId);
        cases.get(plan.getCaseId());
        plan.checkVersion(expectedVersion);
        Stamp stamp = stamp(actor);
        plan.submit(LocalDate.now(clock), stamp);
        CaseFile caseFile = cases.submitPlan(plan.getCaseId());
        audit.recordChange(ENTITY, planId, "SUBMITTED", null, actor.username());
        if (caseFile.getState() == CaseState.ACTIVE) {
            plan.approveWithoutReview(stamp.at());
            audit.recordChange(ENTITY, planId, "APPROVED", null, "no review required", actor.username());
        } else {
            events.publishEvent(new ApprovalRequested(plan.getCaseId(), ApprovalKind.PLAN, actor.userId()));
        }
        return loaded(plans.saveAndFlush(plan));
    }

    /** A supervisor, not the case's own worker, approves the submitted plan; the case becomes ACTIVE. */
    @Transactional
    public ServicePlan approve(UUID planId, long expectedVersion, String comment) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        ServicePlan plan = find(planId);
        cases.get(plan.getCaseId());
        plan.checkVersion(expectedVersion);
        cases.approvePlan(plan.getCaseId(), comment);
        plan.approve(comment, stamp(actor));
        audit.recordChange(ENTITY, planId, "APPROVED", null, actor.username());
        events.publishEvent(new ApprovalDecided(plan.getCaseId(), ApprovalKind.PLAN, true, actor.userId()));
        return loaded(plans.saveAndFlush(plan));
    }

    /**
     * A supervisor, not the case's own worker, returns the submitted plan with comments; the case goes
     * back to ASSESSING and the worker drafts the next version.
     */
    @Transactional
    public ServicePlan returnPlan(UUID planId, long expectedVersion, String comments) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        ServicePlan plan = find(planId);
        cases.get(plan.getCaseId());
        plan.checkVersion(expectedVersion);
        cases.returnPlan(plan.getCaseId(), comments);
        plan.returnForRevision(comments, stamp(actor));
        audit.recordChange(ENTITY, planId, "RETURNED", null, actor.username());
        events.publishEvent(new ApprovalDecided(plan.getCaseId(), ApprovalKind.PLAN, false, actor.userId()));
        return loaded(plans.saveAndFlush(plan));
    }

    /**
     * Records that an activity of the approved plan in force was carried out, on a day no later than
     * today (today when none is given). The only change an approved plan takes; it is logged. The
     * version is checked when the caller gives one.
     */
    @Transactional
    public ServicePlan markActivityDone(UUID planId, UUID activityId, LocalDate date, Long expectedVersion) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        ServicePlan plan = find(planId);
        cases.get(plan.getCaseId());
        if (expectedVersion != null) {
            plan.checkVersion(expectedVersion);
        }
        if (plans.existsByCaseIdAndStatusAndVersionNumberGreaterThan(
                plan.getCaseId(), PlanStatus.APPROVED, plan.getVersionNumber())) {
            throw new ConflictException("plan.superseded", plan.getVersionNumber());
        }
        LocalDate today = LocalDate.now(clock);
        PlanActivity done = plan.markActivityDone(activityId, date == null ? today : date, today, actor.username());
        audit.recordChange(
                ENTITY,
                planId,
                "ACTIVITY_DONE",
                List.of("activities"),
                "activity " + done.getId() + " done on " + done.getDoneOn(),
                actor.username());
        return loaded(plans.saveAndFlush(plan));
    }

    /** One plan version, if its case is in the caller's jurisdiction. */
    @Transactional(readOnly = true)
    public ServicePlan get(UUID planId) {
        currentActor.require(Permission.READ_CASES);
        ServicePlan plan = find(planId);
        cases.get(plan.getCaseId());
        return loaded(plan);
    }

    /** The case's newest plan version, whatever its status. */
    @Transactional(readOnly = true)
    public ServicePlan current(UUID caseId) {
        currentActor.require(Permission.READ_CASES);
        cases.get(caseId);
        return plans.findFirstByCaseIdOrderByVersionNumberDesc(caseId)
                .map(PlanService::loaded)
                .orElseThrow(() -> new NotFoundException("plan"));
    }

    /** All versions of the case's plan, newest first; returned and approved ones stay as they were. */
    @Transactional(readOnly = true)
    public List<ServicePlan> versions(UUID caseId) {
        currentActor.require(Permission.READ_CASES);
        cases.get(caseId);
        List<ServicePlan> versions = plans.findByCaseIdOrderByVersionNumberDesc(caseId);
        versions.forEach(PlanService::loaded);
        return versions;
    }

    private void checkResponsibleWorkers(PlanInput input, CaseFile caseFile) {
        if (input.activities() == null) {
            return;
        }
        String village = caseFile.getRegionCode();
        List<PlanInput.Activity> activities =
                input.activities().stream().filter(Objects::nonNull).toList();
        activities.stream()
                .map(PlanInput.Activity::responsibleWorkerId)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(id -> ActivityOwnerRule.checkUser(users.findById(id), village));
        activities.stream()
                .map(PlanInput.Activity::partnerOrganisationId)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(id -> ActivityOwnerRule.checkOrganisation(organisations.findById(id), village));
    }

    /**
     * The people and partners a worker may make responsible for the case's activities, beyond the
     * station's staff: the village child directors of the client's village and the active partner
     * organisations serving it. For the plan editor's choices; the same rule checks a save.
     */
    @Transactional(readOnly = true)
    public OwnerChoices ownerChoices(UUID caseId) {
        currentActor.require(Permission.WRITE_CASES);
        String village = cases.get(caseId).getRegionCode();
        List<UserAccount> directors = users.findEnabled(List.of(Role.VILLAGE_CHILD_DIRECTOR), List.of(village));
        List<Organisation> partners = organisations.findAll().stream()
                .filter(o -> ActivityOwnerRule.servesVillage(o, village))
                .sorted(java.util.Comparator.comparing(Organisation::getName))
                .toList();
        return new OwnerChoices(directors, partners);
    }

    /**
     * Who is responsible for each activity of a plan the caller has read, as a page shows it: the
     * person's display name and whether they are station staff or a village child director, or the
     * partner's name and contact. One query for the people and one for the organisations.
     */
    @Transactional(readOnly = true)
    public Map<UUID, OwnerLabel> ownerLabels(ServicePlan plan) {
        currentActor.get();
        Set<UUID> userIds = new HashSet<>();
        Set<UUID> organisationIds = new HashSet<>();
        for (PlanActivity a : plan.getActivities()) {
            ActivityOwner owner = a.owner();
            if (owner.userId() != null) {
                userIds.add(owner.userId());
            }
            if (owner.organisationId() != null) {
                organisationIds.add(owner.organisationId());
            }
        }
        Map<UUID, UserAccount> people = people(userIds);
        Map<UUID, Organisation> partners = partners(organisationIds);
        Map<UUID, OwnerLabel> labels = new HashMap<>();
        for (PlanActivity a : plan.getActivities()) {
            ActivityOwner owner = a.owner();
            OwnerLabel label = null;
            if (owner.userId() != null) {
                label = labelOf(people.get(owner.userId()));
            } else if (owner.organisationId() != null) {
                label = labelOf(partners.get(owner.organisationId()));
            } else if (owner.partnerName() != null) {
                label = new OwnerLabel(OwnerKind.PARTNER, owner.partnerName(), owner.partnerContact(), null);
            }
            if (label != null) {
                labels.put(a.getId(), label);
            }
        }
        return labels;
    }

    /**
     * Owners a refused form chose, labelled as {@link #ownerLabels(ServicePlan)} labels them (by the
     * user's or the organisation's id), so the editor can show the refused choice still chosen
     * rather than fall back to none. Ids of no account or organisation are left out. One query for
     * the people and one for the organisations.
     */
    @Transactional(readOnly = true)
    public Map<UUID, OwnerLabel> choiceLabels(Set<UUID> userIds, Set<UUID> organisationIds) {
        currentActor.require(Permission.WRITE_CASES);
        Map<UUID, OwnerLabel> labels = new HashMap<>();
        people(userIds).forEach((id, user) -> labels.put(id, labelOf(user)));
        partners(organisationIds).forEach((id, partner) -> labels.put(id, labelOf(partner)));
        return labels;
    }

    private Map<UUID, UserAccount> people(Set<UUID> ids) {
        Map<UUID, UserAccount> people = new HashMap<>();
        if (!ids.isEmpty()) {
            users.findAllById(ids).forEach(u -> people.put(u.getId(), u));
        }
        return people;
    }

    private Map<UUID, Organisation> partners(Set<UUID> ids) {
        Map<UUID, Organisation> partners = new HashMap<>();
        if (!ids.isEmpty()) {
            organisations.findAllById(ids).forEach(o -> partners.put(o.getId(), o));
        }
        return partners;
    }

    private static OwnerLabel labelOf(UserAccount user) {
        return user == null
                ? new OwnerLabel(OwnerKind.STAFF, "—", null, null)
                : new OwnerLabel(
                        user.getRole() == Role.VILLAGE_CHILD_DIRECTOR ? OwnerKind.VILLAGE_DIRECTOR : OwnerKind.STAFF,
                        user.getDisplayName(),
                        null,
                        user.getUsername());
    }

    private static OwnerLabel labelOf(Organisation partner) {
        return new OwnerLabel(
                OwnerKind.PARTNER,
                partner == null ? "—" : partner.getName(),
                partner == null ? null : contactOf(partner),
                null);
    }

    private static String contactOf(Organisation partner) {
        String contact = java.util.stream.Stream.of(partner.getContactName(), partner.getContactPhone())
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
        return contact.isEmpty() ? null : contact;
    }

    /** Who an activity's owner is, for pages. */
    public enum OwnerKind {
        STAFF,
        VILLAGE_DIRECTOR,
        PARTNER
    }

    /** An activity's owner as shown: name, and for a partner its contact; the login of a person. */
    public record OwnerLabel(OwnerKind kind, String name, String contact, String login) {}

    /** See {@link #ownerChoices(UUID)}. */
    public record OwnerChoices(List<UserAccount> directors, List<Organisation> partners) {}

    /** The plan by id; callers then check its case is in scope (out of scope reads as not found). */
    private ServicePlan find(UUID planId) {
        return plans.findById(planId).orElseThrow(() -> new NotFoundException("plan"));
    }

    /** Loads the collections callers show, inside the transaction (open-in-view is off). */
    private static ServicePlan loaded(ServicePlan plan) {
        plan.getGoals().size();
        plan.getActivities().size();
        return plan;
    }

    private Stamp stamp(Actor actor) {
        return new Stamp(actor.username(), clock.instant());
    }
}
