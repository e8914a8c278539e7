package org.casework.core.assessments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.casework.core.shared.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * A county's settings for the child risk rules ({@code casework.risk.child.*}); the defaults are
 * product.md's. {@code levels} sets another level for a trigger (an item code of the child
 * protection instrument), e.g. {@code casework.risk.child.levels.school_dropout=YELLOW}. The nine
 * mandatory-report situations are red by law and cannot be changed.
 *
 * @param livingAloneAge a child under this age living alone is red (default 16)
 * @param unattendedAge a child under this age left unattended is red (default 8)
 * @param levels county levels for triggers, by item code
 */
@ConfigurationProperties("casework.risk.child")
@Validated
public record ChildRiskSettings(
        @Min(1) @Max(18) Integer livingAloneAge,
        @Min(1) @Max(18) Integer unattendedAge,
        Map<String, RiskLevel> levels) {

    public ChildRiskSettings {
        livingAloneAge = livingAloneAge == null ? 16 : livingAloneAge;
        unattendedAge = unattendedAge == null ? 8 : unattendedAge;
        levels = levels == null ? Map.of() : Map.copyOf(levels);
        for (Map.Entry<String, RiskLevel> level : levels.entrySet()) {
            if (ChildRiskPolicy.MANDATORY_REPORT_ITEMS.contains(level.getKey()) && level.getValue() != RiskLevel.RED) {
                throw new IllegalArgumentException("casework.risk.child.levels." + level.getKey()
                        + ": a mandatory-report situation is red by law and cannot be set to " + level.getValue());
            }
        }
    }

    /** The defaults of product.md. */
    public static ChildRiskSettings defaults() {
        return new ChildRiskSettings(null, null, null);
    }
}
