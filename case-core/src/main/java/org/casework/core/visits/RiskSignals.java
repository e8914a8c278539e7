package org.casework.core.visits;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.Assessment;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseState;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagStatus;
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

    List<RiskSignal> of(UUID clientId) {
        List<RiskSignal> signals = new ArrayList<>();
        cases(clientId)
                .forEach(c -> signals.add(new RiskSignal(
                        LevelSource.CASE, c.effectiveRisk(), c.effectiveRiskSince(), c.getCaseNumber(), List.of())));
        untriagedFlags(clientId)
                .forEach(f -> signals.add(new RiskSignal(
                        LevelSource.FLAG,
                        f.getSeverity(),
                        f.getRaisedAt(),
                        f.getType().name(),
                        List.of())));
        signals.addAll(standaloneAssessments(clientId));
        return signals;
    }

    private List<CaseFile> cases(UUID clientId) {
        return entityManager
                .createQuery(
                        "select distinct c from CaseFile c left join fetch c.riskHistory"
                                + " where c.primaryClientId = :clientId and c.state in :counting",
                        CaseFile.class)
                .setParameter("clientId", clientId)
                .setParameter("counting", COUNTING_STATES)
                .getResultList();
    }

    private List<Flag> untriagedFlags(UUID clientId) {
        return entityManager
                .createQuery("select f from Flag f where f.clientId = :clientId and f.status = :untriaged", Flag.class)
                .setParameter("clientId", clientId)
                .setParameter("untriaged", FlagStatus.UNTRIAGED)
                .getResultList();
    }

    /** The newest signed proposal of each instrument used outside a case: a newer assessment replaces an older one. */
    private List<RiskSignal> standaloneAssessments(UUID clientId) {
        List<Assessment> signed = entityManager
                .createQuery(
                        "select a from Assessment a where a.clientId = :clientId and a.caseId is null"
                                + " and a.signedAt is not null order by a.signedAt desc",
                        Assessment.class)
                .setParameter("clientId", clientId)
                .getResultList();
        Set<String> seen = new HashSet<>();
        List<RiskSignal> signals = new ArrayList<>();
        for (Assessment a : signed) {
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
