package org.casework.core.flags;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.Predicate;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.PositiveAmount;
import org.casework.core.shared.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the station has to triage a flag (county configuration). Red and orange deadlines are
 * clock hours, since danger does not wait for Monday; yellow and green ones count working days of
 * the county calendar (the one visit rules use: weekends and listed holidays off, listed make-up
 * days (调休) on). A flag still untriaged at its deadline escalates to the station head;
 * still untriaged one more window later, to the county supervisor.
 */
@Getter
@Setter
@ConfigurationProperties("casework.flags.sla")
@Validated
public class FlagSlaPolicy {

    @NotNull
    @PositiveAmount
    private Duration red = Duration.ofHours(2);

    @NotNull
    @PositiveAmount
    private Duration orange = Duration.ofHours(24);

    @Min(1)
    private int otherWorkingDays = 3;

    /** The triage deadline, and the later one at which the county supervisor is alerted. */
    public record Deadlines(Instant triageDue, Instant countyDue) {}

    public Deadlines deadlines(RiskLevel severity, Instant raisedAt, Predicate<LocalDate> isWorkingDay) {
        return switch (severity) {
            case RED -> new Deadlines(raisedAt.plus(red), raisedAt.plus(red.multipliedBy(2)));
            case ORANGE -> new Deadlines(raisedAt.plus(orange), raisedAt.plus(orange.multipliedBy(2)));
            case YELLOW, GREEN -> {
                Instant due = plusWorkingDays(raisedAt, otherWorkingDays, isWorkingDay);
                yield new Deadlines(due, plusWorkingDays(due, otherWorkingDays, isWorkingDay));
            }
        };
    }

    /** The same time of day after {@code days} working days; raised on a rest day, counting starts next working day. */
    static Instant plusWorkingDays(Instant from, int days, Predicate<LocalDate> isWorkingDay) {
        ZonedDateTime at = from.atZone(ChinaTime.ZONE);
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (isWorkingDay.test(at.toLocalDate())) {
                left--;
            }
        }
        return at.toInstant();
    }
}
