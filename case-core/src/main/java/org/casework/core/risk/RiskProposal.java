package org.casework.core.risk;

import java.util.ArrayList;
import java.util.List;
import org.casework.core.shared.RiskLevel;

/**
 * What a rule set proposes: a level and the triggers (rule codes) that raised it to that level.
 * Messages {@code risk.trigger.<code>} name each trigger for people.
 */
public record RiskProposal(RiskLevel level, List<String> triggers) {

    public static final RiskProposal GENERAL = new RiskProposal(RiskLevel.GREEN, List.of());

    public RiskProposal {
        if (level == null) {
            throw new IllegalArgumentException("a proposal has a level");
        }
        triggers = List.copyOf(triggers);
    }

    /** Collects triggers and keeps those of the most urgent level raised. */
    public static final class Builder {

        private RiskLevel level = RiskLevel.GREEN;
        private final List<String> triggers = new ArrayList<>();

        public Builder raise(RiskLevel to, String trigger) {
            if (to.isMoreUrgentThan(level)) {
                level = to;
                triggers.clear();
            }
            if (to == level && !triggers.contains(trigger)) {
                triggers.add(trigger);
            }
            return this;
        }

        public Builder raiseIf(boolean condition, RiskLevel to, String trigger) {
            return condition ? raise(to, trigger) : this;
        }

        public Builder include(RiskProposal other) {
            if (other.level() != RiskLevel.GREEN) {
                other.triggers().forEach(trigger -> raise(other.level(), trigger));
            }
            return this;
        }

        public RiskProposal build() {
            return new RiskProposal(level, triggers);
        }
    }
}
