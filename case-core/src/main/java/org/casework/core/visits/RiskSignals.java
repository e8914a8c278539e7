package org.casework.core.visits;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.Assessment;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseState;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagStatus;
import org.hibernate.jpa.HibernateHints;
import org.springframework.stereotype.Component;

/**
 * Reads the levels besides the registry's that bear on a client's visits (product.md: the level
 * that drives visits is the highest of the registry level, the open cases' levels and the open
 * flags' severities). A lead or a case being screened counts from the moment it has a level, so
 * that a red flag triaged into a case is answered at once; a flag counts until it is triaged.
 */
@Component
@RequiredArgsConstructor
class RiskSignals {

    /** Cases whose level counts: every state in which the station is (or is deciding about) working the case. */
    static final List<CaseState> COUNTING_STATES = Arrays.stream(CaseState.values())
            .filter(s -> s.isOpen() || s == CaseState.LEAD || s == CaseState.SCREENING)
            .toList();

    private final EntityManager entityManager;

    /** The signals of one client (the per-client refresh). */
    List<RiskSignal> of(UUID clientId) {
        return assemble(
                entityManager
                        .createQuery(
                                "select distinct c from CaseFile c left join fetch c.riskHistory"
                                        + " where c.primaryClientId = :clientId and c.state in :counting"
                                        + " order by c.id",
                                CaseFile.class)
                        .setParameter("clientId", clientId)
                        .setParameter("counting", COUNTING_STATES)
                        .getResultList(),
                entityManager
                        .createQuery(
                                "select f from Flag f where f.clientId = :clientId and f.status = :untriaged"
                                        + " order by f.id",
                                Flag.class)
                        .setParameter("clientId", clientId)
                        .setParameter("untriaged", FlagStatus.UNTRIAGED)
                        .getResultList(),
                entityManager
                        .createQuery(
                                "select a from Assessment a where a.clientId = :clientId and a.caseId is null"
                                        + " and a.signedAt is not null order by a.signedAt desc, a.id",
                                Assessment.class)
                        .setParameter("clientId", clientId)
                        .getResultList());
    }

    /**
     * The signals of many clients in three queries (the nightly batch), each client's in the order
     * {@link #of(UUID)} gives them: the entities are read only and not kept for writing.
     */
    Map<UUID, List<RiskSignal>> of(Collection<UUID> clientIds) {
        Map<UUID, List<CaseFile>> cases = new HashMap<>();
        entityManager
                .createQuery(
                        "select distinct c from CaseFile c left join fetch c.riskHistory"
                                + " where c.primaryClientId in :clientIds and c.state in :counting"
                                + " order by c.id",
                        CaseFile.class)
                .setParameter("clientIds", clientIds)
                .setParameter("counting", COUNTING_STATES)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList()
                .forEach(c -> cases.computeIfAbsent(c.getPrimaryClientId(), k -> new ArrayList<>())
                        .add(c));
        Map<UUID, List<Flag>> flags = new HashMap<>();
        entityManager
                .createQuery(
                        "select f from Flag f where f.clientId in :clientIds and f.status = :untriaged order by f.id",
                        Flag.class)
                .setParameter("clientIds", clientIds)
                .setParameter("untriaged", FlagStatus.UNTRIAGED)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList()
                .forEach(f -> flags.computeIfAbsent(f.getClientId(), k -> new ArrayList<>())
                        .add(f));
        Map<UUID, List<Assessment>> assessments = new HashMap<>();
        entityManager
                .createQuery(
                        "select a from Assessment a where a.clientId in :clientIds and a.caseId is null"
                                + " and a.signedAt is not null order by a.signedAt desc, a.id",
                        Assessment.class)
                .setParameter("clientIds", clientIds)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList()
                .forEach(a -> assessments
                        .computeIfAbsent(a.getClientId(), k -> new ArrayList<>())
                        .add(a));
        Map<UUID, List<RiskSignal>> signals = new HashMap<>();
        for (UUID clientId : clientIds) {
            signals.put(
                    clientId,
                    assemble(
                            cases.getOrDefault(clientId, List.of()),
                            flags.getOrDefault(clientId, List.of()),
                            assessments.getOrDefault(clientId, List.of())));
        }
        return signals;
    }

    /**
     * The one place that turns a client's counting cases, untriaged flags and signed standalone
     * assessments (newest first) into signals, for both readers above.
     */
    private static List<RiskSignal> assemble(
            List<CaseFile> cases, List<Flag> flags, List<Assessment> signedNewestFirst) {
        List<RiskSignal> signals = new ArrayList<>();
        cases.forEach(c -> signals.add(new RiskSignal(
                LevelSource.CASE, c.effectiveRisk(), c.effectiveRiskSince(), c.getCaseNumber(), List.of())));
        flags.forEach(f -> signals.add(new RiskSignal(
                LevelSource.FLAG, f.getSeverity(), f.getRaisedAt(), f.getType().name(), List.of())));
        // The newest signed proposal of each instrument used outside a case: a newer assessment replaces an older one.
        Set<String> seen = new HashSet<>();
        for (Assessment a : signedNewestFirst) {
            if (seen.add(a.getInstrumentCode()) && a.getProposedRisk() != null) {
                signals.add(new RiskSignal(
                        LevelSource.ASSESSMENT,
                        a.getProposedRisk(),
                        a.getSignedAt(),
                        a.getInstrumentCode(),
                        a.triggerList()));
            }
        }
        return signals;
    }
}
