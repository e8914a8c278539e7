package org.casework.core.visits;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.PositiveAmount;
import org.casework.core.shared.RiskLevel;
import org.casework.core.shared.WorkingCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The visit rules of product.md, county-configurable ({@code casework.visits.*}); a missing value
 * takes the default named below.
 *
 * <ul>
 *   <li>A new registrant is first visited within {@code firstVisitWorkingDays} (5) working days of
 *       registration: Saturdays, Sundays and the listed {@code holidays} do not count, the listed
 *       {@code workingWeekendDays} (调休补班) do.
 *   <li>Then by the visiting level: red within {@code redResponse} (24 hours) of a case becoming
 *       red, then every {@code redInterval} (7 days); orange every {@code orangeInterval} (7 days);
 *       yellow every {@code yellowInterval} (1 month); green every {@code greenInterval} (3 months).
 *   <li>Special-difficulty elderly (特困老人) and dispersed 特困 support (分散供养特困人员) at least
 *       every {@code specialDifficultyElderlyInterval} (1 month), whatever the level.
 * </ul>
 *
 * The visiting level is the highest of the registry level (a floor the registry rules propose),
 * the effective risk of the client's cases from lead to closure, the severity of flags not yet
 * triaged and the proposal of assessments made outside a case (product.md). A red level is answered
 * within {@code redResponse} of the moment it began, whichever source raised it.
 */
@ConfigurationProperties("casework.visits")
@Validated
public record VisitPolicy(
        @PositiveOrZero Integer firstVisitWorkingDays,
        @PositiveAmount Duration redResponse,
        @PositiveAmount Period redInterval,
        @PositiveAmount Period orangeInterval,
        @PositiveAmount Period yellowInterval,
        @PositiveAmount Period greenInterval,
        @PositiveAmount Period specialDifficultyElderlyInterval,
        List<LocalDate> holidays,
        List<LocalDate> workingWeekendDays)
        implements WorkingCalendar {

    private static final ZoneId ZONE = ChinaTime.ZONE;
    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    public VisitPolicy {
        firstVisitWorkingDays = firstVisitWorkingDays == null ? 5 : firstVisitWorkingDays;
        redResponse = redResponse == null ? Duration.ofHours(24) : redResponse;
        redInterval = redInterval == null ? Period.ofDays(7) : redInterval;
        orangeInterval = orangeInterval == null ? Period.ofDays(7) : orangeInterval;
        yellowInterval = yellowInterval == null ? Period.ofMonths(1) : yellowInterval;
        greenInterval = greenInterval == null ? Period.ofMonths(3) : greenInterval;
        specialDifficultyElderlyInterval =
                specialDifficultyElderlyInterval == null ? Period.ofMonths(1) : specialDifficultyElderlyInterval;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workingWeekendDays = workingWeekendDays == null ? List.of() : List.copyOf(workingWeekendDays);
        if (firstVisitWorkingDays < 0) {
            throw new IllegalArgumentException("casework.visits.first-visit-working-days must not be negative");
        }
    }

    /** The defaults of product.md, without public holidays. */
    public static VisitPolicy defaults() {
        return new VisitPolicy(null, null, null, null, null, null, null, null, null);
    }

    /** When the next visit is due, at which level, by which rule, and which source drives the level. */
    public VisitDue due(VisitFacts facts) {
        VisitLevel visitLevel = levelFor(facts);
        RiskLevel level = visitLevel.level();
        LocalDate lastVisitOn = facts.lastVisitAt() == null ? null : day(facts.lastVisitAt());
        LocalDate due;
        DueRule rule;
        if (lastVisitOn == null) {
            due = addWorkingDays(facts.registeredOn(), firstVisitWorkingDays);
            rule = DueRule.FIRST_VISIT;
        } else {
            due = lastVisitOn.plus(interval(level));
            rule = DueRule.LEVEL_INTERVAL;
            LocalDate monthly = lastVisitOn.plus(specialDifficultyElderlyInterval);
            if (facts.registry().monthlyByLaw() && monthly.isBefore(due)) {
                due = monthly;
                rule = facts.registry().specialDifficultyElderly()
                        ? DueRule.SPECIAL_DIFFICULTY_ELDERLY
                        : DueRule.DISPERSED_EXTREME_POVERTY;
            }
        }
        Instant redSince = level == RiskLevel.RED ? redSince(facts) : null;
        if (redSince != null
                && (facts.lastVisitAt() == null || facts.lastVisitAt().isBefore(redSince))) {
            LocalDate redDue = day(redSince.plus(redResponse));
            if (redDue.isBefore(due)) {
                due = redDue;
                rule = DueRule.RED_RESPONSE;
            }
        }
        return new VisitDue(level, lastVisitOn, due, rule, visitLevel.driver());
    }

    /**
     * The highest level of all signals, the registry's included; among signals of that level a case
     * is named first, then a flag, an assessment, the registry (the most specific reason to show).
     */
    public VisitLevel levelFor(VisitFacts facts) {
        RiskSignal driver = facts.registrySignal();
        for (RiskSignal signal : facts.signals()) {
            if (signal.level() == null) {
                continue;
            }
            boolean higher = signal.level().isMoreUrgentThan(driver.level());
            boolean sameButMoreSpecific =
                    signal.level() == driver.level() && precedence(signal.source()) < precedence(driver.source());
            if (higher || sameButMoreSpecific) {
                driver = signal;
            }
        }
        return new VisitLevel(driver.level(), driver);
    }

    private static int precedence(LevelSource source) {
        return switch (source) {
            case CASE -> 0;
            case FLAG -> 1;
            case ASSESSMENT -> 2;
            case REGISTRY -> 3;
        };
    }

    public Period interval(RiskLevel level) {
        return switch (level) {
            case RED -> redInterval;
            case ORANGE -> orangeInterval;
            case YELLOW -> yellowInterval;
            case GREEN -> greenInterval;
        };
    }

    /** The day {@code days} working days after {@code from} (which itself does not count). */
    @Override
    public LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return !WEEKEND.contains(day.getDayOfWeek());
    }

    /** The latest moment a red signal began: the newest alarm is the one to answer. */
    private static Instant redSince(VisitFacts facts) {
        Instant latest = null;
        for (RiskSignal signal : facts.signals()) {
            if (signal.level() == RiskLevel.RED
                    && signal.since() != null
                    && (latest == null || signal.since().isAfter(latest))) {
                latest = signal.since();
            }
        }
        return latest;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
