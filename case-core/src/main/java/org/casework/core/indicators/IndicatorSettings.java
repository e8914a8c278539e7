package org.casework.core.indicators;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/** County settings of the supervisor indicators (a component, so the shared core configuration stays as it is). */
@Component
@Getter
@Setter
@ConfigurationProperties("casework.indicators")
@Validated
public class IndicatorSettings {

    /** A worker holding more open cases than this is overloaded (shown in colour and in words). */
    @Min(1)
    private int overloadThreshold = 25;

    /** A client record nobody changed and no service was recorded for in this many days is stale. */
    @Min(1)
    private int untouchedDays = 90;

    /** How many months the monthly trend shows, ending with the period's last month. */
    @Min(1)
    @Max(24)
    private int trendMonths = 6;
}
