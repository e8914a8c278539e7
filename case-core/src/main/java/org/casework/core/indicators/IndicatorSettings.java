package org.casework.core.indicators;

import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** County settings of the supervisor indicators (a component, so the shared core configuration stays as it is). */
@Component
@Getter
@Setter
@ConfigurationProperties("casework.indicators")
public class IndicatorSettings {

    /** A worker holding more open cases than this is overloaded (shown in colour and in words). */
    private int overloadThreshold = 25;

    /** A client record nobody changed and no service was recorded for in this many days is stale. */
    private int untouchedDays = 90;

    /** How many months the monthly trend shows, ending with the period's last month. */
    private int trendMonths = 6;
}
