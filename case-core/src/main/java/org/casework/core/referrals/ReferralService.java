package org.casework.core.referrals;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.cases.CaseState;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientService;
import org.casework.core.database.RetryableWrite;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagService;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends referrals from cases and runs them to their outcome. Two kinds of reader, each with its own
 * scope: a department liaison sees only the referrals addressed to their organisation (and of the
 * client only the shared snapshot); station and county users see the referrals sent from townships
 * in their jurisdiction. Anything else reads as not found.
 */
@Service
@RequiredArgsConstructor
public class ReferralService {

    /** Case states in which the station is working the case and may involve a partner. */
    private static final Set<CaseState> REFERABLE_STATES = EnumSet.of(
            CaseState.INTAKE, CaseState.ASSESSING, CaseState.PLAN_REVIEW, CaseState.ACTIVE, CaseState.EVALUATING);

    private static final String ENTITY = "Referral";

    private final ReferralRepository referrals;
    private final ReferralProgressNoteRepository notes;
    private final CaseService cases;
    private final FlagService flags;
    private final ClientService clients;
    private final OrganisationRepository organisations;
    private final ReferralSnapshots snapshots;
    private final ReferralPolicy policy;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** The consent as entered: who consented and when, or the legal basis of an override. */
    public record ConsentInput(
            ConsentBasis basis,
            @Size(max = Consent.NAME_MAX_LENGTH) String consentedBy,
            LocalDate consentedOn,
            @Size(max = Consent.REASON_MAX_LENGTH) String overrideReason) {}

    /**
     * What a worker enters to refer a case's client. No shared fields means the minimum; a case
     * summary is needed only when CASE_SUMMARY is shared.
     */
    public record NewReferral(
            UUID caseId,
            UUID receivingOrganisationId,
            String reason,
            String servicesRequested,
            ReferralUrgency urgency,
            ConsentInput consent,
            Set<SharedField> sharedFields,
            String caseSummary) {}

    /**
     * What a worker enters to refer the child of a flag straight from triage. The child must be in
     * the registry (the flag's child, or the one triage registered); the flag's case, if triage
     * opened or linked one, goes with it. The flag's reporter is never part of a referral.
     */
    public record NewFlagReferral(
            UUID flagId,
            UUID receivingOrganisationId,
            String reason,
            String servicesRequested,
            ReferralUrgency urgency,
            ConsentInput consent,
            Set<SharedField> sharedFields,
            String caseSummary) {}

    /**
     * A re-referral of a declined or returned referral to another department. Left-out texts,
     * urgency and shared fields are taken from the previous referral; consent must be given anew,
     * since it was given for the other department.
     */
    public record ReReferral(
            UUID receivingOrganisationId,
            @Size(max = Referral.REASON_MAX_LENGTH) String reason,
            @Size(max = Referral.SERVICES_MAX_LENGTH) String servicesRequested,
            ReferralUrgency urgency,
            ConsentInput consent,
            Set<SharedField> sharedFields,
            @Size(max = Referral.REASON_MAX_LENGTH) String caseSummary) {}

    /** Which side of referrals to list. */
    public enum Box {
        SENT,
        RECEIVED
    }

    /** True when a case in this state may be referred. */
    public static boolean referable(CaseState state) {
        return REFERABLE_STATES.contains(state);
    }

    /**
     * Refers the client of an open case in the caller's jurisdiction to an active partner
     * department of the county, with consent, sharing exactly the chosen fields (the minimum by
     * default) as they are now.
     */
    @RetryableWrite
    @Transactional
    public Referral send(NewReferral command) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        if (command.caseId() == null) {
            throw new InvalidInputException("caseId", "referral.case.required");
        }
        CaseFile caseFile = cases.get(command.caseId());
        Referral referral = create(
                actor,
                caseFile,
                command.receivingOrganisationId(),
                new Referral.Request(command.urgency(), command.reason(), command.servicesRequested()),
                command.consent(),
                command.sharedFields(),
                command.caseSummary());
        return sent(actor, referral);
    }

    /** Refers the child of a flag of the caller's area; see {@link NewFlagReferral}. */
    @RetryableWrite
    @Transactional
    public Referral sendFromFlag(NewFlagReferral command) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        if (command.flagId() == null) {
            throw new InvalidInputException("flagId", "referral.flag.required");
        }
        Flag flag = flags.forStaff(command.flagId());
        Referral referral;
        var request = new Referral.Request(command.urgency(), command.reason(), command.servicesRequested());
        if (flag.getOutcomeCaseId() != null) {
            referral = create(
                    actor,
                    cases.get(flag.getOutcomeCaseId()),
                    command.receivingOrganisationId(),
                    request,
                    command.consent(),
                    command.sharedFields(),
                    command.caseSummary());
        } else {
            UUID clientId = flag.getClientId() != null ? flag.getClientId() : flag.getOutcomeClientId();
            if (clientId == null) {
                throw new DomainException("referral.flag.noClient");
            }
            referral = createWithoutCase(actor, flag, clients.get(clientId), command, request);
        }
        referral.fromFlag(flag.getId());
        return sent(actor, referral);
    }

    /**
     * Refers the client of a declined or returned referral to another department. The old referral
     * stays as it is; it can be re-referred once.
     */
    @RetryableWrite
    @Transactional
    public Referral reRefer(UUID id, long expectedVersion, ReReferral command) {
        Actor actor = currentActor.get();
        Referral previous = senderAction(actor, id, expectedVersion);
        UUID receiver = command.receivingOrganisationId();
        previous.checkReReferable(receiver);
        if (referrals.existsByPreviousReferralId(previous.getId())) {
            throw new ConflictException("referral.reRefer.alreadyDone");
        }
        if (previous.getCaseId() == null) {
            throw new DomainException("referral.reRefer.noCase");
        }
        CaseFile caseFile = cases.get(previous.getCaseId());
        Set<SharedField> fields =
                command.sharedFields() == null || command.sharedFields().isEmpty()
                        ? previous.sharedFields()
                        : command.sharedFields();
        String summary = command.caseSummary() != null
                ? command.caseSummary()
                : previous.sharedValue(SharedField.CASE_SUMMARY).orElse(null);
        Referral referral = create(
                actor,
                caseFile,
                receiver,
                new Referral.Request(
                        command.urgency() == null ? previous.getUrgency() : command.urgency(),
                        command.reason() == null ? previous.getReason() : command.reason(),
                        command.servicesRequested() == null
                                ? previous.getServicesRequested()
                                : command.servicesRequested()),
                command.consent(),
                fields,
                summary);
        referral.reReferring(previous);
        return sent(actor, referral);
    }

    /** A referral the caller may see: received by their department, or sent from their jurisdiction. */
    @Transactional(readOnly = true)
    public Referral get(UUID id) {
        return loaded(find(currentActor.get(), id));
    }

    /** True when the caller sees the referral as its receiver: the shared snapshot only. */
    public boolean viewsAsReceiver() {
        return currentActor.get().has(Permission.HANDLE_REFERRALS);
    }

    /**
     * A page of referrals, newest first: those received by the caller's department or those sent
     * from their jurisdiction. Without {@code box}, the side the caller works on; the other side is
     * empty for them. {@code status} null means any.
     */
    @Transactional(readOnly = true)
    public Page<Referral> list(Box box, ReferralStatus status, Pageable pageable) {
        Actor actor = currentActor.get();
        boolean receiver = actor.has(Permission.HANDLE_REFERRALS);
        if (!receiver && !actor.has(Permission.READ_CASES)) {
            throw new AccessDeniedException("error.forbidden");
        }
        Box side = box == null ? (receiver ? Box.RECEIVED : Box.SENT) : box;
        Set<ReferralStatus> statuses = status == null ? EnumSet.allOf(ReferralStatus.class) : EnumSet.of(status);
        Page<Referral> page;
        if (side == Box.RECEIVED && receiver && actor.organisationId() != null) {
            page = referrals.findReceived(actor.organisationId(), statuses, pageable);
        } else if (side == Box.SENT && !receiver) {
            page = referrals.findSentInScope(actor.scopePattern(), statuses, pageable);
        } else {
            page = Page.empty(pageable);
        }
        page.getContent().forEach(ReferralService::loaded);
        return page;
    }

    /** How many referrals wait for the caller's department to respond (their home page). */
    @Transactional(readOnly = true)
    public long waitingForMyResponse() {
        Actor actor = currentActor.require(Permission.HANDLE_REFERRALS);
        return actor.organisationId() == null
                ? 0
                : referrals.countByReceivingOrganisationIdAndStatus(actor.organisationId(), ReferralStatus.SENT);
    }

    /** The referrals of a case the caller may read, newest first: the case shows their outcomes. */
    @Transactional(readOnly = true)
    public List<Referral> forCase(UUID caseId) {
        cases.get(caseId);
        List<Referral> list = referrals.findByCaseIdOrderBySentAtDesc(caseId);
        list.forEach(ReferralService::loaded);
        return list;
    }

    /**
     * The referral that re-referred this one to another department, if the caller may see it (a
     * liaison of the first department never learns where the client went next).
     */
    @Transactional(readOnly = true)
    public Optional<UUID> reReferralOf(UUID id) {
        Actor actor = currentActor.get();
        Referral referral = find(actor, id);
        if (actor.has(Permission.HANDLE_REFERRALS)) {
            return Optional.empty();
        }
        return referrals.findFirstByPreviousReferralId(referral.getId()).map(Referral::getId);
    }

    /** The receiver's progress notes, oldest first. */
    @Transactional(readOnly = true)
    public List<ReferralProgressNote> progressNotes(UUID id) {
        Referral referral = find(currentActor.get(), id);
        return notes.findByReferralIdOrderByCreatedAtAsc(referral.getId());
    }

    @RetryableWrite
    @Transactional
    public Referral accept(UUID id, long expectedVersion) {
        Actor actor = currentActor.get();
        Referral referral = receiverAction(actor, id, expectedVersion);
        referral.accept(actor.username(), clock.instant());
        return changed(actor, referral, "ACCEPTED", null);
    }

    @RetryableWrite
    @Transactional
    public Referral decline(UUID id, long expectedVersion, String reason) {
        Actor actor = currentActor.get();
        Referral referral = receiverAction(actor, id, expectedVersion);
        referral.decline(reason, actor.username(), clock.instant());
        return changed(actor, referral, "DECLINED", referral.getDeclineReason());
    }

    @RetryableWrite
    @Transactional
    public Referral start(UUID id, long expectedVersion) {
        Actor actor = currentActor.get();
        Referral referral = receiverAction(actor, id, expectedVersion);
        referral.start(actor.username(), clock.instant());
        return changed(actor, referral, "STARTED", null);
    }

    /** Adds a progress note; the first note on an accepted referral starts it. */
    @RetryableWrite
    @Transactional
    public Referral recordProgress(UUID id, long expectedVersion, String note) {
        Actor actor = currentActor.get();
        Referral referral = receiverAction(actor, id, expectedVersion);
        Instant now = clock.instant();
        boolean started = referral.recordProgress(note, actor.username(), now);
        notes.save(new ReferralProgressNote(referral.getId(), actor.userId(), actor.username(), note, now));
        if (started) {
            return changed(actor, referral, "STARTED", null);
        }
        audit.recordChange(ENTITY, referral.getId(), "PROGRESS", null, actor.username());
        // lastProgressAt changed: the version moves, so a page showing the old notes is refused
        return loaded(referrals.saveAndFlush(referral));
    }

    @RetryableWrite
    @Transactional
    public Referral complete(UUID id, long expectedVersion, ReferralResult result, String outcome) {
        Actor actor = currentActor.get();
        Referral referral = receiverAction(actor, id, expectedVersion);
        referral.complete(result, outcome, actor.username(), clock.instant());
        if (referral.getCaseId() != null) {
            // the loop closes on the case: its timeline says what the department could provide
            String department = organisations
                    .findById(referral.getReceivingOrganisationId())
                    .map(Organisation::getName)
                    .orElse("");
            cases.recordReferralResult(referral.getCaseId(), result.name(), department + "：" + referral.getOutcome());
        }
        return changed(actor, referral, "COMPLETED", null);
    }

    @RetryableWrite
    @Transactional
    public Referral returnToSender(UUID id, long expectedVersion, String reason) {
        Actor actor = currentActor.get();
        Referral referral = receiverAction(actor, id, expectedVersion);
        referral.returnToSender(reason, actor.username(), clock.instant());
        return changed(actor, referral, "RETURNED", referral.getReturnReason());
    }

    @RetryableWrite
    @Transactional
    public Referral revoke(UUID id, long expectedVersion, String reason) {
        Actor actor = currentActor.get();
        Referral referral = senderAction(actor, id, expectedVersion);
        referral.revoke(reason, actor.username(), clock.instant());
        return changed(actor, referral, "REVOKED", referral.getRevokeReason());
    }

    /**
     * The departments a referral can go to from the caller's jurisdiction: active partner
     * departments serving it (a county's departments serve all its townships).
     */
    @Transactional(readOnly = true)
    public List<Organisation> receivers() {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        String jurisdiction = actor.jurisdiction().value();
        return organisations.findByTypeOrderByName(OrganisationType.PARTNER_DEPARTMENT).stream()
                .filter(Organisation::isActive)
                .filter(o -> jurisdiction.startsWith(o.getRegionCode())
                        || o.getRegionCode().startsWith(jurisdiction))
                .toList();
    }

    /** Names of the organisations a list of referrals mentions, in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, String> organisationNames(Collection<UUID> ids) {
        currentActor.get();
        return organisations.findAllById(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(Organisation::getId, Organisation::getName));
    }

    private Referral create(
            Actor actor,
            CaseFile caseFile,
            UUID receiverId,
            Referral.Request request,
            ConsentInput consentInput,
            Set<SharedField> chosen,
            String caseSummary) {
        if (!referable(caseFile.getState())) {
            throw new DomainException("referral.case.notReferable");
        }
        Organisation receiver = receiver(receiverId, caseFile.getRegionCode());
        LocalDate today = LocalDate.now(clock);
        Consent consent = consent(actor, consentInput, today);
        Set<SharedField> fields = chosen == null || chosen.isEmpty() ? SharedField.minimum() : EnumSet.copyOf(chosen);
        Client client = clients.get(caseFile.getPrimaryClientId());
        Map<SharedField, String> snapshot = snapshots.of(client, caseFile.getRiskLevel(), fields, caseSummary, today);
        Instant now = clock.instant();
        return new Referral(
                new Referral.Parties(
                        client.getId(),
                        caseFile.getId(),
                        caseFile.getStationId(),
                        caseFile.getRegionCode()
                                .substring(
                                        0, Math.min(9, caseFile.getRegionCode().length())),
                        actor.userId(),
                        actor.username(),
                        receiver.getId()),
                request,
                consent,
                snapshot,
                now,
                request.urgency() == null ? now : now.plus(policy.responseTime(request.urgency())));
    }

    /** A flag's child without a case: sent from the station of the flag's township; risk is the flag's severity. */
    private Referral createWithoutCase(
            Actor actor, Flag flag, Client client, NewFlagReferral command, Referral.Request request) {
        String village = flag.getVillageCode();
        String township = village.substring(0, 9);
        Organisation station = organisations
                .findFirstByTypeAndRegionCode(OrganisationType.TOWNSHIP_STATION, township)
                .orElseThrow(() -> new DomainException("case.station.missing"));
        Organisation receiver = receiver(command.receivingOrganisationId(), village);
        LocalDate today = LocalDate.now(clock);
        Consent consent = consent(actor, command.consent(), today);
        Set<SharedField> chosen = command.sharedFields();
        Set<SharedField> fields = chosen == null || chosen.isEmpty() ? SharedField.minimum() : EnumSet.copyOf(chosen);
        Map<SharedField, String> snapshot =
                snapshots.of(client, flag.getSeverity(), fields, command.caseSummary(), today);
        Instant now = clock.instant();
        return new Referral(
                new Referral.Parties(
                        client.getId(),
                        null,
                        station.getId(),
                        township,
                        actor.userId(),
                        actor.username(),
                        receiver.getId()),
                request,
                consent,
                snapshot,
                now,
                request.urgency() == null ? now : now.plus(policy.responseTime(request.urgency())));
    }

    private Referral sent(Actor actor, Referral referral) {
        referrals.save(referral);
        List<String> fields = referral.sharedFields().stream().map(Enum::name).toList();
        // who shared what with whom, on the referral and in the client's own history
        audit.recordChange(
                ENTITY,
                referral.getId(),
                "SENT",
                fields,
                "consent=" + referral.getConsent().getBasis(),
                actor.username());
        audit.recordChange(
                "Client",
                referral.getClientId(),
                "REFERRAL_SHARED",
                null,
                referral.getId().toString(),
                actor.username());
        publish(referral);
        return loaded(referral);
    }

    private Organisation receiver(UUID id, String caseRegion) {
        if (id == null) {
            throw new InvalidInputException("receivingOrganisationId", "referral.receiver.required");
        }
        return organisations
                .findById(id)
                .filter(o -> o.getType() == OrganisationType.PARTNER_DEPARTMENT)
                .filter(Organisation::isActive)
                .filter(o -> caseRegion.startsWith(o.getRegionCode()))
                .orElseThrow(() -> new InvalidInputException("receivingOrganisationId", "referral.receiver.invalid"));
    }

    private static Consent consent(Actor actor, ConsentInput input, LocalDate today) {
        if (input == null || input.basis() == null) {
            throw new InvalidInputException("consent.basis", "referral.consent.required");
        }
        if (input.basis() == ConsentBasis.LEGAL_BASIS_OVERRIDE && !actor.has(Permission.SUPERVISE_CASES)) {
            throw new AccessDeniedException("referral.consent.overrideSupervisorOnly");
        }
        return Consent.of(input.basis(), input.consentedBy(), input.consentedOn(), input.overrideReason(), today);
    }

    /** The receiver's steps: only its liaison, on a referral addressed to their department. */
    private Referral receiverAction(Actor actor, UUID id, long expectedVersion) {
        Referral referral = find(actor, id);
        if (!actor.has(Permission.HANDLE_REFERRALS)) {
            throw new AccessDeniedException("referral.receiverOnly");
        }
        referral.checkVersion(expectedVersion);
        return referral;
    }

    /** The sender's steps: station and county users who work cases, in their jurisdiction. */
    private Referral senderAction(Actor actor, UUID id, long expectedVersion) {
        Referral referral = find(actor, id);
        if (!actor.has(Permission.WRITE_CASES)) {
            throw new AccessDeniedException("referral.senderOnly");
        }
        referral.checkVersion(expectedVersion);
        return referral;
    }

    private Referral find(Actor actor, UUID id) {
        Optional<Referral> found;
        if (actor.has(Permission.HANDLE_REFERRALS)) {
            found = actor.organisationId() == null
                    ? Optional.empty()
                    : referrals.findReceived(id, actor.organisationId());
        } else if (actor.has(Permission.READ_CASES)) {
            found = referrals.findSentInScope(id, actor.scopePattern());
        } else {
            throw new AccessDeniedException("error.forbidden");
        }
        return found.orElseThrow(() -> new NotFoundException("referral"));
    }

    private Referral changed(Actor actor, Referral referral, String action, String note) {
        audit.recordChange(ENTITY, referral.getId(), action, null, note, actor.username());
        Referral saved = referrals.saveAndFlush(referral);
        publish(saved);
        return loaded(saved);
    }

    private void publish(Referral referral) {
        events.publishEvent(new ReferralStatusChanged(
                referral.getId(),
                referral.getCaseId(),
                referral.getSenderId(),
                referral.getSendingOrganisationId(),
                referral.getReceivingOrganisationId(),
                referral.getStatus()));
    }

    /** Loads the snapshot inside the transaction (open-in-view is off). */
    private static Referral loaded(Referral referral) {
        referral.getSharedValues().size();
        return referral;
    }
}
