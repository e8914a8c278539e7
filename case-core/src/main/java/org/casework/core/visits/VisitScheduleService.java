package org.casework.core.visits;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientRepository;
import org.casework.core.clients.ClientService;
import org.casework.core.risk.RegistryFacts;
import org.casework.core.risk.RegistryFactsReader;
import org.casework.core.risk.RegistryRiskPolicy;
import org.casework.core.services.ServiceRecordRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each client's row of {@code visit_schedule} true to the {@link VisitPolicy}, and shows it.
 * {@link #refresh} is internal (events, backfill): it needs no actor and checks no scope.
 */
@Service
@RequiredArgsConstructor
public class VisitScheduleService {

    private final EntityManager entityManager;
    private final ClientRepository clients;
    private final ClientService clientService;
    private final ServiceRecordRepository serviceRecords;
    private final VisitPolicy policy;
    private final RegistryRiskPolicy registryRisk;
    private final RiskSignals signals;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** The client's visit schedule, if the client is in the caller's jurisdiction (404 otherwise). */
    @Transactional
    public ClientVisitSchedule forClient(UUID clientId) {
        clientService.get(clientId);
        VisitSchedule row = entityManager.find(VisitSchedule.class, clientId);
        VisitDue due = row != null ? row.toDue() : refresh(clientId).orElseThrow();
        return ClientVisitSchedule.of(clientId, due, today());
    }

    /**
     * Applies the rules to the client's registry data, cases, untriaged flags, assessments and visits
     * and stores the result, publishing {@link VisitScheduleChanged} when the row is written.
     * Joins the caller's transaction, so the row changes with the data it derives from. Empty when
     * the client does not exist.
     */
    @Transactional
    public Optional<VisitDue> refresh(UUID clientId) {
        Client client = clients.findById(clientId).orElse(null);
        if (client == null) {
            return Optional.empty();
        }
        VisitDue due = due(client, serviceRecords.lastVisitAt(clientId), signals.of(clientId), today());
        VisitSchedule row = entityManager.find(VisitSchedule.class, clientId);
        String previousRegion = row == null ? null : row.getRegionCode();
        if (row == null) {
            row = new VisitSchedule(clientId);
            row.update(client.getResidenceRegionCode(), due, clock.instant());
            entityManager.persist(row);
        } else {
            row.update(client.getResidenceRegionCode(), due, clock.instant());
        }
        events.publishEvent(new VisitScheduleChanged(clientId, client.getResidenceRegionCode(), previousRegion));
        return Optional.of(due);
    }

    /**
     * The rules for one client on a day, from what was read about it: its registry data (the client
     * with its categories), its last visit that counts (null if never) and its other signals
     * ({@link RiskSignals}). Pure: the per-client {@link #refresh} and the nightly
     * {@link VisitScheduleBatch} both compute through it, so the rule is written once.
     */
    VisitDue due(Client client, Instant lastVisitAt, List<RiskSignal> signals, LocalDate today) {
        LocalDate registeredOn =
                client.getCreatedAt() == null ? today : LocalDate.ofInstant(client.getCreatedAt(), clock.getZone());
        RegistryFacts registry = RegistryFactsReader.of(client, today);
        return policy.due(new VisitFacts(registeredOn, lastVisitAt, registry, registryRisk.assess(registry), signals));
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
