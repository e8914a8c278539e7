package org.casework.core.services;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientService;
import org.casework.core.database.RetryableWrite;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs and lists service records. The client decides the scope (a village role logs for its
 * village); a record linked to a case also needs case rights, so village roles, who read no case
 * files, neither log nor see case-linked records.
 */
@Service
@RequiredArgsConstructor
public class ServiceRecordService {

    private final ServiceRecordRepository records;
    private final ClientService clients;
    private final CaseService cases;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** What a worker enters to log a service; {@code caseId} and {@code planActivityId} may be null. */
    public record NewServiceRecord(
            UUID clientId,
            UUID caseId,
            ServiceType type,
            java.time.Instant occurredAt,
            Integer durationMinutes,
            @Size(max = ServiceRecord.PLACE_MAX_LENGTH) String place,

            @Size(max = ServiceRecord.PARTICIPANTS_MAX_LENGTH)
            String participants,

            @Size(max = ServiceRecord.NOTES_MAX_LENGTH) String notes,
            UUID planActivityId,
            java.util.Map<String, Object> observations) {

        /** Without structured observations (the web form has none yet). */
        public NewServiceRecord(
                UUID clientId,
                UUID caseId,
                ServiceType type,
                java.time.Instant occurredAt,
                Integer durationMinutes,
                String place,
                String participants,
                String notes,
                UUID planActivityId) {
            this(clientId, caseId, type, occurredAt, durationMinutes, place, participants, notes, planActivityId, null);
        }
    }

    /**
     * Logs a service for a client in the caller's jurisdiction (404 otherwise). With a case, the
     * caller needs case rights and the case must be in scope and be the client's. Refuses a time in
     * the future. A visit moves the client's next due visit.
     */
    @RetryableWrite
    @Transactional
    public ServiceRecord log(NewServiceRecord command) {
        return log(null, command);
    }

    /** Logs a service under an id chosen by the field device that logged it offline (null: a new id). */
    @RetryableWrite
    @Transactional
    public ServiceRecord log(UUID id, NewServiceRecord command) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        if (command.clientId() == null) {
            throw new InvalidInputException("clientId", "service.client.required");
        }
        Client client = clients.get(command.clientId());
        if (command.caseId() != null) {
            requireCaseOfClient(actor, command.caseId(), client.getId());
        }
        ServiceRecord record = new ServiceRecord(
                client.getId(),
                command.caseId(),
                new ServiceRecord.Details(
                        command.type(),
                        command.occurredAt(),
                        command.durationMinutes(),
                        command.place(),
                        command.participants(),
                        command.notes(),
                        command.planActivityId()),
                command.observations(),
                actor.username(),
                clock.instant());
        record.assignId(id);
        records.save(record);
        audit.recordChange(
                "ServiceRecord",
                record.getId(),
                "LOGGED",
                null,
                record.getType().name(),
                actor.username());
        events.publishEvent(new ServiceRecordsChanged(client.getId(), record.getType(), record.getId()));
        return record;
    }

    /** A client's records, newest first; callers without case rights see only those outside a case. */
    @Transactional(readOnly = true)
    public Page<ServiceRecord> forClient(UUID clientId, Pageable pageable) {
        Actor actor = currentActor.require(Permission.READ_CLIENTS);
        clients.get(clientId);
        return records.findForClient(clientId, actor.has(Permission.READ_CASES), pageable);
    }

    /** A case's records, newest first, if the caller may read the case. */
    @Transactional(readOnly = true)
    public Page<ServiceRecord> forCase(UUID caseId, Pageable pageable) {
        cases.get(caseId);
        return records.findForCase(caseId, pageable);
    }

    /**
     * Voids a record with a reason; it stays listed, marked void, and no longer counts as a visit.
     * Only who logged it or a supervisor may void it.
     */
    @RetryableWrite
    @Transactional
    public ServiceRecord voidRecord(UUID id, String reason) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        ServiceRecord record = records.findById(id).orElseThrow(() -> new NotFoundException("service"));
        try {
            clients.get(record.getClientId());
        } catch (NotFoundException e) {
            throw new NotFoundException("service");
        }
        if (record.getCaseId() != null) {
            if (!actor.has(Permission.READ_CASES)) {
                throw new NotFoundException("service");
            }
            requireCaseOfClient(actor, record.getCaseId(), record.getClientId());
        }
        if (!actor.username().equals(record.getRecordedBy()) && !actor.has(Permission.SUPERVISE_CASES)) {
            throw new AccessDeniedException("service.void.notYours");
        }
        record.voidRecord(reason, actor.username(), clock.instant());
        records.saveAndFlush(record);
        audit.recordChange("ServiceRecord", id, "VOIDED", null, record.getVoidReason(), actor.username());
        events.publishEvent(new ServiceRecordsChanged(record.getClientId(), record.getType(), record.getId()));
        return record;
    }

    private void requireCaseOfClient(Actor actor, UUID caseId, UUID clientId) {
        if (!actor.has(Permission.WRITE_CASES)) {
            throw new AccessDeniedException("service.case.forbidden");
        }
        CaseFile caseFile = cases.get(caseId);
        if (!caseFile.getPrimaryClientId().equals(clientId)
                && !caseFile.getMemberIds().contains(clientId)) {
            throw new InvalidInputException("caseId", "service.case.otherClient");
        }
    }
}
