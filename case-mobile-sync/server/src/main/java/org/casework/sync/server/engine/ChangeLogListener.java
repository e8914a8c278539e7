package org.casework.sync.server.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseChanged;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientChanged;
import org.casework.core.clients.ClientRegistered;
import org.casework.core.clients.ClientRepository;
import org.casework.core.flags.FlagEscalated;
import org.casework.core.flags.FlagRaised;
import org.casework.core.flags.FlagTriaged;
import org.casework.core.households.HouseholdChanged;
import org.casework.core.services.ServiceRecordsChanged;
import org.casework.core.visits.VisitScheduleChanged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into change log rows, inside the transaction that made the change (so the
 * row commits or rolls back with it). A visit schedule row is derived from the client, its cases
 * and visits: it changes on exactly those events, hence the {@code visitDue} rows here.
 */
@Component
@RequiredArgsConstructor
@Order(Integer.MAX_VALUE) // after the schedule updater, which refreshes the row we describe
class ChangeLogListener {

    /** Client fields (names of {@code Client#correct}) to the protocol's short names. */
    static final Map<String, List<String>> CLIENT_FIELDS = Map.ofEntries(
            Map.entry("fullName", List.of("name")),
            Map.entry("sex", List.of("sex")),
            Map.entry("birthDate", List.of("birthDate")),
            Map.entry("idNumber", List.of("idMasked")),
            Map.entry("noIdReason", List.of()),
            Map.entry("ethnicity", List.of()),
            Map.entry("hukouRegionCode", List.of()),
            Map.entry("phone", List.of("phoneMasked")),
            Map.entry("residenceRegionCode", List.of("village")),
            Map.entry("address", List.of("address")),
            Map.entry("householdId", List.of("household")),
            Map.entry("relationToHead", List.of()),
            Map.entry(
                    "childProfile",
                    List.of(
                            "guardianName",
                            "guardianRelation",
                            "guardianPhone",
                            "carerName",
                            "carerPhone",
                            "fatherStatus",
                            "motherStatus",
                            "school")),
            Map.entry("elderlyProfile", List.of("living")));

    /** What a triage changes of a flag record, and an escalation (wire names of the protocol's FlagRecord). */
    static final List<String> FLAG_TRIAGE_FIELDS = List.of("status", "outcome", "outcomeReason", "triagedAt");

    static final List<String> FLAG_ESCALATION_FIELDS = List.of("status");

    /** What a client joining a household changes of the household record (its HouseholdRecord). */
    static final List<String> HOUSEHOLD_MEMBER_FIELDS = List.of("members");

    /** The field a delta carries when nothing the device holds changed (its ClientRecord). */
    static final String SOME_CLIENT_FIELD = "name";

    private final ChangeLog log;
    private final ClientRepository clients;

    @EventListener
    void on(ClientRegistered event) {
        clientChanged(event.clientId(), null);
    }

    @EventListener
    void on(ClientChanged event) {
        clientChanged(event.clientId(), event.changedFields());
    }

    @EventListener
    void on(CaseChanged event) {
        clients.findById(event.clientId()).ifPresent(c -> {
            visitDue(c);
            // The open-case summary lives under its client's village (protocol §3).
            log.changed(c.getResidenceRegionCode(), ChangeLog.CASE, event.caseId(), null);
        });
    }

    @EventListener
    void on(ServiceRecordsChanged event) {
        clients.findById(event.clientId()).ifPresent(c -> {
            visitDue(c);
            if (event.recordId() != null && event.type().isVisit()) {
                log.changed(c.getResidenceRegionCode(), ChangeLog.VISIT, event.recordId(), null);
            }
        });
    }

    /**
     * A schedule row was written, by an event's refresh or by the nightly batch (a due date that
     * changed with time alone, or through a flag or an assessment): its new version must reach the
     * devices of its village as a delta, and a row that moved leaves the old village.
     */
    @EventListener
    void on(VisitScheduleChanged event) {
        if (event.moved()) {
            log.removed(event.previousRegionCode(), ChangeLog.VISIT_DUE, event.clientId());
        }
        log.changed(event.regionCode(), ChangeLog.VISIT_DUE, event.clientId(), null);
    }

    @EventListener
    void on(FlagRaised event) {
        log.changed(event.village().value(), ChangeLog.FLAG, event.flagId(), null);
    }

    @EventListener
    void on(FlagTriaged event) {
        log.changed(event.village().value(), ChangeLog.FLAG, event.flagId(), FLAG_TRIAGE_FIELDS);
    }

    @EventListener
    void on(FlagEscalated event) {
        log.changed(event.village().value(), ChangeLog.FLAG, event.flagId(), FLAG_ESCALATION_FIELDS);
    }

    @EventListener
    void on(HouseholdChanged event) {
        movedAway(ChangeLog.HOUSEHOLD, event.householdId(), event.regionCode());
        log.changed(event.regionCode(), ChangeLog.HOUSEHOLD, event.householdId(), null);
    }

    private void clientChanged(UUID clientId, List<String> changedFields) {
        Client client = clients.findById(clientId).orElse(null);
        if (client == null) {
            return;
        }
        String village = client.getResidenceRegionCode();
        String previous = log.lastScopeOf(ChangeLog.CLIENT, clientId);
        boolean moved = previous != null && !previous.equals(village);
        if (moved) {
            log.removed(previous, ChangeLog.CLIENT, clientId);
            log.removed(previous, ChangeLog.VISIT_DUE, clientId);
        }
        log.changed(village, ChangeLog.CLIENT, clientId, moved ? null : protocolFields(changedFields));
        if (client.getHouseholdId() != null && (changedFields == null || changedFields.contains("householdId"))) {
            // The household's member count changed only when the client joined it (protocol §2.2:
            // a delta carries only what changed).
            log.changed(village, ChangeLog.HOUSEHOLD, client.getHouseholdId(), HOUSEHOLD_MEMBER_FIELDS);
        }
        visitDue(client);
    }

    /** When the record's last logged scope differs from its current one, tells the old scope it left. */
    private boolean movedAway(String type, UUID id, String village) {
        String previous = log.lastScopeOf(type, id);
        if (previous != null && !previous.equals(village)) {
            log.removed(previous, type, id);
            return true;
        }
        return false;
    }

    private void visitDue(Client client) {
        log.changed(client.getResidenceRegionCode(), ChangeLog.VISIT_DUE, client.getId(), null);
    }

    /** Null (all fields) when unknown; categories are not told by name, so null covers them too. */
    static Set<String> protocolFields(List<String> changed) {
        if (changed == null) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String name : changed) {
            List<String> mapped = CLIENT_FIELDS.get(name);
            if (mapped == null) {
                return null;
            }
            fields.addAll(mapped);
        }
        if (fields.isEmpty()) {
            fields.add(SOME_CLIENT_FIELD); // nothing the device holds changed; still a valid (tiny) delta
        }
        return fields;
    }
}
