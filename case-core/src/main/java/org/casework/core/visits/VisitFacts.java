package org.casework.core.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the visit rules look at for one client.
 *
 * @param registeredOn the day the client was registered (Asia/Shanghai)
 * @param lastVisitAt the last visit that counts (not voided), or null if never visited
 * @param openCases the client's open cases with their effective risk (unknown risks included)
 * @param registry the registry groups the client belongs to today
 */
public record VisitFacts(
        LocalDate registeredOn, Instant lastVisitAt, List<OpenCaseRisk> openCases, RegistryFacts registry) {

    public VisitFacts {
        openCases = openCases == null ? List.of() : List.copyOf(openCases);
        registry = registry == null ? RegistryFacts.NONE : registry;
    }
}
