package org.casework.core.visits;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
 *   <li>Special-difficulty elderly (特困老人) at least every {@code specialDifficultyElderlyInterval}
 *       (1 month), whatever the level.
 * </ul>
 *
 * The visiting level is the most urgent effective risk of the client's open cases; with no open
 * case of known risk, yellow for 困境儿童, special-difficulty and disabled elderly (60+), green for
 * everyone else.
 */
@ConfigurationProperties("casework.visits")
public record VisitPolicy(
        Integer firstVisitWorkingDays,
        Duration redResponse,
        Period redInterval,
        Period orangeInterval,
        Period yellowInterval,
        Period greenInterval,
        Period specialDifficultyElderlyInterval,
        List<LocalDate> holidays,
        List<LocalDate> workingWeekendDays) {

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

    /** When the next visit is due, at which level and by which rule. */
    public VisitDue due(VisitFacts facts) {
        RiskLevel level = levelFor(facts);
        LocalDate lastVisitOn = facts.lastVisitAt() == null ? null : day(facts.lastVisitAt());
        LocalDate due;
        DueRule rule;
        if (lastVisitOn == null) {
            due = addWorkingDays(facts.registeredOn(), firstVisitWorkingDays);
            rule = DueRule.FIRST_VISIT;
        } else {
            due = lastVisitOn.plus(interval(level));
            rule = DueRule.LEVEL_INTERVAL;
            LocalDate elderly = lastVisitOn.plus(specialDifficultyElderlyInterval);
            if (facts.registry().specialDifficultyElderly() && elderly.isBefore(due)) {
                due = elderly;
                rule = DueRule.SPECIAL_DIFFICULTY_ELDERLY;
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
        return new VisitDue(level, lastVisitOn, due, rule);
    }

    /** The most urgent known risk of the open cases; without one, the registry decides. */
    public RiskLevel levelFor(VisitFacts facts) {
        RiskLevel level = null;
        for (OpenCaseRisk openCase : facts.openCases()) {
            if (openCase.risk() != null) {
                level = openCase.risk().max(level);
            }
        }
        if (level != null) {
            return level;
        }
        return facts.registry().isFocusGroup() ? RiskLevel.YELLOW : RiskLevel.GREEN;
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

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return !WEEKEND.contains(day.getDayOfWeek());
    }

    /** The latest moment one of the red cases became red: the newest alarm is the one to answer. */
    private static Instant redSince(VisitFacts facts) {
        Instant latest = null;
        for (OpenCaseRisk openCase : facts.openCases()) {
            if (openCase.risk() == RiskLevel.RED
                    && openCase.since() != null
                    && (latest == null || openCase.since().isAfter(latest))) {
                latest = openCase.since();
            }
        }
        return latest;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
