package org.casework.core.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casework.core.risk.RegistryFacts;
import org.casework.core.risk.RiskProposal;

/**
 * Everything the visit rules look at for one client.
 *
 * @param registeredOn the day the client was registered (Asia/Shanghai)
 * @param lastVisitAt the last visit that counts (not voided), or null if never visited
 * @param registry the registry groups the client belongs to today (the monthly rules of 特困)
 * @param registryLevel what the registry rules propose (a floor)
 * @param signals the other levels that bear on the client: cases, untriaged flags, assessments
 */
public record VisitFacts(
        LocalDate registeredOn,
        Instant lastVisitAt,
        RegistryFacts registry,
        RiskProposal registryLevel,
        List<RiskSignal> signals) {

    public VisitFacts {
        registry = registry == null ? RegistryFacts.NONE : registry;
        registryLevel = registryLevel == null ? RiskProposal.GENERAL : registryLevel;
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** The registry's proposal as a signal, so that it competes with the others. */
    RiskSignal registrySignal() {
        return new RiskSignal(LevelSource.REGISTRY, registryLevel.level(), null, null, registryLevel.triggers());
    }
}
