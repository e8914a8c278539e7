package org.casework.core.cases;

import java.time.Instant;
import java.util.List;
import org.casework.core.shared.RiskLevel;

/**
 * How a case's effective risk follows its risk history: a decision (confirmation or override) sets
 * the level; a proposal counts alone while nothing is decided, and afterwards only where it is more
 * urgent than the decision (new evidence of danger takes effect at once, reassurance waits for a
 * person).
 */
final class RiskReplay {

    private RiskReplay() {}

    /** The effective level after one change, given the decided level as it stands after the change. */
    static RiskLevel effectiveAfter(RiskLevel decided, RiskChangeKind kind, RiskLevel level) {
        if (kind != RiskChangeKind.PROPOSED || decided == null) {
            return level;
        }
        return level.max(decided);
    }

    /** When the effective level last became {@code current}, replaying the history; null if it never did. */
    static Instant since(List<RiskChange> history, RiskLevel current) {
        RiskLevel decided = null;
        RiskLevel effective = null;
        Instant since = null;
        for (RiskChange change : history) {
            if (change.getKind() != RiskChangeKind.PROPOSED) {
                decided = change.getLevel();
            }
            RiskLevel now = effectiveAfter(decided, change.getKind(), change.getLevel());
            if (now != effective) {
                effective = now;
                since = change.getOccurredAt();
            }
        }
        return effective == current ? since : null;
    }
}
