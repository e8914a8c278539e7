package org.casework.core.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A county's settings for the elderly rules ({@code casework.risk.elderly.*}); the defaults are
 * product.md's.
 *
 * @param advancedAge from this age, living alone or dementia is orange (default 80)
 * @param careRiskEvents this many care-risk events in 30 days is orange (default 2)
 */
@ConfigurationProperties("casework.risk.elderly")
public record ElderlyRiskSettings(Integer advancedAge, Integer careRiskEvents) {

    public ElderlyRiskSettings {
        advancedAge = advancedAge == null ? 80 : advancedAge;
        careRiskEvents = careRiskEvents == null ? 2 : careRiskEvents;
        if (advancedAge < 60 || careRiskEvents < 1) {
            throw new IllegalArgumentException(
                    "casework.risk.elderly: advanced-age must be 60 or more and care-risk-events at least 1");
        }
    }

    public static ElderlyRiskSettings defaults() {
        return new ElderlyRiskSettings(null, null);
    }
}
