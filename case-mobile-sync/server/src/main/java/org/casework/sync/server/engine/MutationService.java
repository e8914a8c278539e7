package org.casework.sync.server.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ClientInput.ChildProfileInput;
import org.casework.core.clients.ClientInput.NewCategory;
import org.casework.core.clients.ClientRepository;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.PossibleDuplicateException;
import org.casework.core.database.TransientFailures;
import org.casework.core.devices.ClientEdits;
import org.casework.core.devices.Device;
import org.casework.core.devices.DeviceRepository;
import org.casework.core.devices.SyncIssue;
import org.casework.core.devices.SyncIssueRepository;
import org.casework.core.devices.SyncMutation;
import org.casework.core.devices.SyncMutationRepository;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagNote;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.FlagService.NewFlag;
import org.casework.core.flags.FlagType;
import org.casework.core.security.Actor;
import org.casework.core.services.ServiceRecord;
import org.casework.core.services.ServiceRecordService;
import org.casework.core.services.ServiceRecordService.NewServiceRecord;
import org.casework.core.services.ServiceType;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.LogSafe;
import org.casework.core.shared.RiskLevel;
import org.casework.sync.protocol.MutationKind;
import org.casework.sync.protocol.MutationPayload;
import org.casework.sync.protocol.MutationPayload.AddNote;
import org.casework.sync.protocol.MutationPayload.EditProfile;
import org.casework.sync.protocol.MutationPayload.LogVisit;
import org.casework.sync.protocol.MutationPayload.RaiseFlag;
import org.casework.sync.protocol.MutationPayload.RegisterChild;
import org.casework.sync.protocol.ResultStatus;
import org.casework.sync.protocol.SyncNames;
import org.casework.sync.server.engine.MutationResult.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The push half of a sync: applies a device's mutations in counter order, each in its own
 * transaction together with its ledger entry, through the same domain services as the web (run as
 * the device's user, whose security context the caller has set). A replayed id returns its stored
 * result; a refused mutation is recorded in a transaction of its own after its effect rolled back.
 */
@Service
@RequiredArgsConstructor
public class MutationService {

    private static final Logger log = LoggerFactory.getLogger(MutationService.class);
    /** The profile fields an EDIT_PROFILE may carry, as the protocol defines them. */
    private static final Set<String> EDITABLE = Set.copyOf(SyncNames.EDITABLE_PROFILE_FIELDS);
    /** Tries per mutation when the database reports a transient failure such as a deadlock. */
    private static final int ATTEMPTS = 3;
    /** Pause before the second attempt; the third waits twice as long. */
    private static final long RETRY_PAUSE_MILLIS = 25;
    /** The ledger's type column. */
    private static final int TYPE_LENGTH = 20;

    private final SyncMutationRepository ledger;
    private final SyncIssueRepository issues;
    private final DeviceRepository devices;
    private final ClientService clientService;
    private final ClientRepository clientRepository;
    private final FlagService flagService;
    private final ServiceRecordService serviceRecords;
    private final SyncScope scopes;
    private final PlatformTransactionManager transactionManager;
    private final Clock clock;

    public record Push(long ack, List<MutationResult> results) {}

    /** What a mutation did, before it is recorded. */
    private record Outcome(ResultStatus status, String entityType, UUID entityId, Long version) {}

    public Push apply(Actor actor, UUID deviceId, List<DeviceMutation> mutations) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long ack = tx.execute(s -> devices.findById(deviceId).orElseThrow().getAckCounter());
        List<DeviceMutation> sorted = new ArrayList<>(mutations == null ? List.of() : mutations);
        sorted.removeIf(Objects::isNull);
        sorted.sort(Comparator.comparing(m -> m.counter() == null ? Long.MAX_VALUE : m.counter()));
        List<MutationResult> results = new ArrayList<>();
        long next = ack + 1;
        for (DeviceMutation m : sorted) {
            if (m.id() == null || m.counter() == null || m.counter() < 1) {
                results.add(refusal(m, "sync.mutation.malformed"));
                continue;
            }
            SyncMutation stored = ledger.findById(m.id()).orElse(null);
            if (stored != null) {
                results.add(result(stored));
                if (stored.getDeviceId().equals(deviceId) && stored.getCounter() == next) {
                    next++;
                }
                continue;
            }
            if (m.counter() < next || ledger.existsByDeviceIdAndCounter(deviceId, m.counter())) {
                // The same push delivered twice at once: the other delivery may have recorded it
                // since the lookup above. Then its stored result is the answer, not a refusal.
                SyncMutation raced = ledger.findById(m.id()).orElse(null);
                if (raced != null) {
                    results.add(result(raced));
                    if (raced.getDeviceId().equals(deviceId) && raced.getCounter() == next) {
                        next++;
                    }
                    continue;
                }
                // Below what was acknowledged, or taken by another mutation: refused, not recorded.
                results.add(refusal(m, "sync.counterReused"));
                continue;
            }
            if (m.counter() > next) {
                // A gap: an earlier mutation has not arrived. Held back (no result), sent again.
                continue;
            }
            MutationResult applied = applyOne(tx, actor, deviceId, m);
            if (applied == null) {
                // A transient database failure (a deadlock with a concurrent writer) even after
                // retries: nothing is recorded, so it and everything after it stay unacknowledged and
                // the device sends them again. Recording it as refused would lose the edit for good.
                break;
            }
            results.add(applied);
            next++;
        }
        long newAck = tx.execute(s -> acknowledge(deviceId));
        return new Push(newAck, results);
    }

    private long acknowledge(UUID deviceId) {
        Device device = devices.findById(deviceId).orElseThrow();
        long ack = device.getAckCounter();
        for (long counter : ledger.countersAfter(deviceId, ack)) {
            if (counter != ack + 1) {
                break;
            }
            ack = counter;
        }
        devices.acknowledge(deviceId, ack);
        return ack;
    }

    /**
     * Applies and records one mutation; {@code null} when a transient database failure (deadlock,
     * certification failure, lost connection, timeout) persisted through {@link #ATTEMPTS} attempts,
     * leaving nothing recorded. Running it again is safe even when a lost connection hid a commit:
     * each attempt first looks for the mutation's ledger entry under the device's lock.
     */
    private MutationResult applyOne(TransactionTemplate tx, Actor actor, UUID deviceId, DeviceMutation m) {
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(tx, actor, deviceId, m);
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) {
                    MutationResult committed = resultIfRecorded(m);
                    if (committed != null) {
                        // the last attempt's commit went through although its answer was lost
                        return committed;
                    }
                    log.warn(
                            "Mutation {} of device {} held back after {} attempts ({}); the device sends it again",
                            m.id(),
                            deviceId,
                            attempt,
                            e.getClass().getSimpleName());
                    return null;
                }
                pause(attempt);
            }
        }
    }

    /** The stored result, or null when there is none or the database cannot tell right now. */
    private MutationResult resultIfRecorded(DeviceMutation m) {
        try {
            return ledger.findById(m.id()).map(MutationService::result).orElse(null);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                return null;
            }
            throw e;
        }
    }

    /** A short, growing pause, so the concurrent writer that won the deadlock can commit first. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a sync mutation", e);
        }
    }

    private MutationResult applyOnce(TransactionTemplate tx, Actor actor, UUID deviceId, DeviceMutation m) {
        Instant now = clock.instant();
        try {
            SyncMutation entry = tx.execute(s -> {
                devices.lockForMutation(deviceId);
                SyncMutation already = ledger.findById(m.id()).orElse(null);
                if (already != null) {
                    // Applied by a concurrent delivery of the same push while we waited for the lock,
                    // or by an earlier attempt whose commit went through although its answer was lost.
                    return already;
                }
                Outcome outcome = perform(actor, deviceId, m, now);
                return ledger.saveAndFlush(new SyncMutation(
                        m.id(),
                        deviceId,
                        m.counter(),
                        type(m),
                        outcome.status.wire(),
                        outcome.entityType,
                        outcome.entityId,
                        outcome.version,
                        null,
                        null,
                        null,
                        now));
            });
            return result(entry);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                // retried by applyOne, never recorded as a refusal: the device would delete it
                throw e;
            }
            String code;
            List<String> args = List.of();
            List<FieldError> errors = List.of();
            if (e instanceof InvalidInputException invalid) {
                code = invalid.getMessageKey();
                args = strings(invalid.getArguments());
                errors = List.of(new FieldError(invalid.getField(), invalid.getMessageKey()));
            } else if (e instanceof PossibleDuplicateException dup) {
                code = dup.getMessageKey();
            } else if (e instanceof DomainException domain) {
                code = domain.getMessageKey();
                args = strings(domain.getArguments());
            } else if (e instanceof OptimisticLockingFailureException) {
                code = "error.staleVersion";
            } else if (e instanceof DataIntegrityViolationException) {
                code = "error.constraint";
            } else {
                log.error("Unexpected error applying mutation {} of device {}", m.id(), deviceId, LogSafe.scrub(e));
                code = "error.internal";
            }
            return refuse(tx, deviceId, m, now, code, args, errors);
        }
    }

    /**
     * Records a refusal, unless the mutation already has a result: a refusal never replaces a result
     * (an APPLIED one least of all, whose effect is stored), so the first recorded answer stands.
     */
    private MutationResult refuse(
            TransactionTemplate tx,
            UUID deviceId,
            DeviceMutation m,
            Instant now,
            String code,
            List<String> args,
            List<FieldError> errors) {
        try {
            SyncMutation entry = tx.execute(s -> {
                devices.lockForMutation(deviceId);
                SyncMutation already = ledger.findById(m.id()).orElse(null);
                if (already != null) {
                    return already;
                }
                return ledger.saveAndFlush(SyncMutation.refused(
                        m.id(),
                        deviceId,
                        m.counter(),
                        type(m),
                        entityType(m),
                        m.entityId(),
                        code,
                        args,
                        errors.stream()
                                .map(x -> new SyncMutation.FieldError(x.field(), x.key()))
                                .toList(),
                        now));
            });
            return result(entry);
        } catch (DataIntegrityViolationException raced) {
            // The same id recorded meanwhile (a duplicate delivery in parallel): its result counts.
            return ledger.findById(m.id()).map(MutationService::result).orElseThrow(() -> raced);
        }
    }

    private Outcome perform(Actor actor, UUID deviceId, DeviceMutation m, Instant now) {
        MutationKind kind = m.kind().orElseThrow(() -> new InvalidInputException("type", "sync.mutation.unknownType"));
        MutationPayload payload = m.fields().payload(kind);
        // Java 17: no patterns in switch; each kind's payload is its own record (MutationKind.payloadType)
        return switch (kind) {
            case RAISE_FLAG -> {
                RaiseFlag f = (RaiseFlag) payload;
                Flag flag = flagService.raise(
                        m.entityId(),
                        new NewFlag(
                                f.clientId(),
                                ClientEdits.text(f.subjectName()),
                                ClientEdits.sex(f.subjectSex()),
                                f.subjectAgeYears(),
                                ClientEdits.text(f.guardianContact()),
                                ClientEdits.text(f.villageCode()),
                                enumValue(FlagType.class, f.type(), SyncNames.Field.TYPE),
                                enumValue(RiskLevel.class, f.severity(), SyncNames.Field.SEVERITY),
                                ClientEdits.text(f.description()),
                                f.observedAt(),
                                ClientEdits.text(f.observedPlace()),
                                null));
                yield new Outcome(ResultStatus.APPLIED, kind.recordType(), flag.getId(), version(flag.getVersion()));
            }
            case LOG_VISIT -> {
                LogVisit v = (LogVisit) payload;
                ServiceType visitType = enumValue(ServiceType.class, v.type(), SyncNames.Field.TYPE);
                if (visitType == null || !visitType.isVisit()) {
                    throw new InvalidInputException(SyncNames.Field.TYPE, "sync.visit.type");
                }
                ServiceRecord record = serviceRecords.log(
                        m.entityId(),
                        new NewServiceRecord(
                                v.clientId(),
                                null,
                                visitType,
                                v.occurredAt(),
                                v.durationMinutes(),
                                null,
                                null,
                                ClientEdits.text(v.notes()),
                                null,
                                v.observations()));
                yield new Outcome(
                        ResultStatus.APPLIED, kind.recordType(), record.getId(), version(record.getVersion()));
            }
            case ADD_NOTE -> {
                AddNote n = (AddNote) payload;
                if (n.flagId() == null) {
                    throw new InvalidInputException(SyncNames.Field.FLAG_ID, "sync.field.required");
                }
                FlagNote note = flagService.addNote(n.flagId(), m.entityId(), ClientEdits.text(n.text()));
                yield new Outcome(ResultStatus.APPLIED, kind.recordType(), note.getId(), 0L);
            }
            case REGISTER_CHILD -> {
                RegisterChild c = (RegisterChild) payload;
                Client client = clientService.register(m.entityId(), registration(c));
                yield new Outcome(
                        ResultStatus.APPLIED, kind.recordType(), client.getId(), version(client.getVersion()));
            }
            case EDIT_PROFILE -> editProfile(actor, deviceId, m, (EditProfile) payload, now);
        };
    }

    /**
     * Field-by-field merge: fields unchanged on the server since the edit began are applied through
     * {@code ClientService.update}; clashes keep the server value and become conflict records. A
     * client the device can no longer reach (moved away, out of scope) → quarantine.
     */
    private Outcome editProfile(Actor actor, UUID deviceId, DeviceMutation m, EditProfile edit, Instant now) {
        if (m.entityId() == null) {
            throw new InvalidInputException(SyncNames.MutationProperty.ENTITY_ID, "sync.mutation.entityRequired");
        }
        checkEditable(edit.values().keySet());
        // Looked up in the caller's scope without throwing: a NotFoundException out of the
        // registry's own transactional method would mark this transaction rollback-only.
        Client client =
                clientRepository.findInScope(m.entityId(), actor.scopePattern()).orElse(null);
        if (client != null
                && SyncScope.byAssignment(actor)
                && !scopes.assignedClients(actor).containsKey(client.getId())) {
            // A station worker's device holds only their assigned clients: an edit to one no
            // longer assigned (case closed or reassigned meanwhile) is out of scope.
            client = null;
        }
        if (client == null) {
            issues.save(SyncIssue.quarantine(
                    m.id(),
                    deviceId,
                    m.entityId(),
                    regionOfClient(m.entityId(), actor),
                    describe(m, edit),
                    actor.username(),
                    now));
            return new Outcome(ResultStatus.QUARANTINED, ChangeLog.CLIENT, m.entityId(), null);
        }
        Map<String, Object> server = ClientEdits.values(client);
        Map<String, Object> before = edit.before() == null ? null : new LinkedHashMap<>(edit.before());
        FieldMerge.Result merge =
                FieldMerge.merge(server, before, new LinkedHashMap<>(edit.values()), ClientEdits.URGENCY);
        Long version = client.getVersion();
        if (!merge.apply().isEmpty()) {
            ClientInput input = ClientEdits.withChanges(client, merge.apply());
            Client updated = clientService.update(client.getId(), version(client.getVersion()), input);
            version = updated.getVersion();
        }
        for (FieldMerge.Clash clash : merge.clashes()) {
            issues.save(SyncIssue.conflict(
                    m.id(),
                    deviceId,
                    client.getId(),
                    client.getResidenceRegionCode(),
                    clash.field(),
                    ClientEdits.text(clash.deviceValue()),
                    ClientEdits.text(clash.serverValue()),
                    actor.username(),
                    now));
        }
        ResultStatus status = merge.clashes().isEmpty() ? ResultStatus.APPLIED : ResultStatus.CONFLICT;
        // The version after the update is only known once flushed; the pulled change carries it too.
        return new Outcome(status, ChangeLog.CLIENT, client.getId(), version(version));
    }

    /**
     * Where a quarantined edit's client lives, read outside the caller's scope only to route the
     * review to the station of that area (nothing of it goes back to the device).
     */
    private String regionOfClient(UUID clientId, Actor actor) {
        return clientRepository
                .findById(clientId)
                .map(Client::getResidenceRegionCode)
                .orElse(actor.jurisdiction().value());
    }

    private ClientInput registration(RegisterChild c) {
        CategoryType category = enumValue(CategoryType.class, c.category(), SyncNames.Field.CATEGORY);
        LocalDate today = LocalDate.now(clock);
        List<NewCategory> categories = category == null
                ? List.of()
                : List.of(new NewCategory(category, null, today, null, CategorySource.OUTREACH, null));
        ChildProfileInput child = new ChildProfileInput(
                ClientEdits.parent(c.fatherStatus(), SyncNames.Field.FATHER_STATUS),
                null,
                ClientEdits.parent(c.motherStatus(), SyncNames.Field.MOTHER_STATUS),
                null,
                ClientEdits.text(c.guardianName()),
                ClientEdits.text(c.guardianRelation()),
                ClientEdits.text(c.guardianPhone()),
                null,
                null,
                null,
                null,
                null);
        return new ClientInput(
                ClientEdits.text(c.fullName()),
                ClientEdits.sex(c.sex()),
                c.birthDate(),
                null,
                ClientEdits.text(c.idNumber()),
                ClientEdits.text(c.noIdReason()),
                null,
                null,
                ClientEdits.text(c.residenceRegionCode()),
                null,
                null,
                null,
                child,
                null,
                categories,
                null);
    }

    /** What a quarantined profile edit wanted, for the station's review. */
    private static String describe(DeviceMutation m, EditProfile edit) {
        return type(m) + " " + new TreeMap<>(edit.values())
                + (edit.before() == null ? "" : " before " + new TreeMap<>(edit.before()));
    }

    /**
     * The type as the ledger records it: an unknown one too (cut to the column's 20 characters, so
     * its refusal is recorded like any other).
     */
    private static String type(DeviceMutation m) {
        String type = m.type() == null ? "?" : m.type().strip().toUpperCase(java.util.Locale.ROOT);
        return type.length() > TYPE_LENGTH ? type.substring(0, TYPE_LENGTH) : type;
    }

    private static String entityType(DeviceMutation m) {
        return m.kind().map(MutationKind::recordType).orElse(null);
    }

    /** Refuses fields a device may not edit (numbers, village, categories): the protocol's list. */
    static void checkEditable(Set<String> fields) {
        for (String field : fields) {
            if (!EDITABLE.contains(field)) {
                throw new InvalidInputException(field, "sync.field.notEditable");
            }
        }
    }

    private static MutationResult refusal(DeviceMutation m, String code) {
        return new MutationResult(
                m == null ? null : m.id(),
                m == null || m.counter() == null ? 0 : m.counter(),
                ResultStatus.REJECTED,
                m == null ? null : entityType(m),
                m == null ? null : m.entityId(),
                null,
                code,
                List.of(),
                List.of());
    }

    static MutationResult result(SyncMutation e) {
        List<FieldError> errors = e.getErrors().stream()
                .map(x -> new FieldError(x.field(), x.key()))
                .toList();
        List<String> args = e.getMessageArgs();
        return new MutationResult(
                e.getId(),
                e.getCounter(),
                ResultStatus.fromWire(e.getStatus()),
                e.getEntityType(),
                e.getEntityId(),
                e.getEntityVersion(),
                e.getCode(),
                args,
                errors);
    }

    private static List<String> strings(Object[] args) {
        return args == null
                ? List.of()
                : Arrays.stream(args).map(String::valueOf).toList();
    }

    private static Long version(Long v) {
        return v == null ? 0L : v;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        String text = ClientEdits.text(value);
        try {
            return text == null ? null : Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "sync.field.invalid");
        }
    }
}
