package org.casework.core.visits;

import java.time.Instant;
import java.util.List;
import org.casework.core.shared.RiskLevel;

/**
 * One level that bears on a client's visits, where it comes from and since when it has held.
 *
 * @param level the level, or null while unknown (a case not yet rated): it then raises nothing
 * @param since when the level began to hold (a red level must be answered within 24 hours of it), or
 *     null when it has no moment (the registry rules)
 * @param reference what shows the source to a person: a case number, a flag type, an instrument code
 * @param triggers the rule codes behind the level, where known
 */
public record RiskSignal(LevelSource source, RiskLevel level, Instant since, String reference, List<String> triggers) {

    public RiskSignal {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }
}
