package org.casework.core.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.core.shared.RiskLevel.GREEN;
import static org.casework.core.shared.RiskLevel.ORANGE;
import static org.casework.core.shared.RiskLevel.RED;
import static org.casework.core.shared.RiskLevel.YELLOW;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.casework.core.risk.ElderlyFacts;
import org.casework.core.risk.RegistryFacts;
import org.casework.core.risk.RegistryRiskPolicy;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class VisitPolicyTest {

    private static final VisitPolicy POLICY = VisitPolicy.defaults();

    /** Monday 2 June 2025; the dates of these tests are read as Asia/Shanghai days. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

    private static final RegistryFacts CHILD_IN_DIFFICULTY = new RegistryFacts(true, false, false, false, null);
    private static final RegistryFacts SPECIAL_DIFFICULTY_ELDERLY =
            new RegistryFacts(false, true, false, false, ElderlyFacts.registry(72, false));
    private static final RegistryFacts DISABLED_ELDERLY =
            new RegistryFacts(false, false, true, false, ElderlyFacts.registry(66, false));
    private static final RegistryFacts DISPERSED_EXTREME_POVERTY = new RegistryFacts(false, false, false, true, null);
    private static final RegistryFacts OVER_80_LIVING_ALONE =
            new RegistryFacts(false, false, false, false, ElderlyFacts.registry(83, true));

    private static Instant at(LocalDate day, int hour) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, 0))
                .atZone(ChinaTime.ZONE)
                .toInstant();
    }

    private static RiskSignal openCase(RiskLevel risk) {
        return caseSince(risk, at(MONDAY.minusMonths(6), 9));
    }

    private static RiskSignal caseSince(RiskLevel risk, Instant since) {
        return new RiskSignal(LevelSource.CASE, risk, since, "410225-2025-00001", List.of());
    }

    private static RiskSignal flagRaised(RiskLevel severity, Instant at) {
        return new RiskSignal(LevelSource.FLAG, severity, at, "MR_ABANDONMENT_NO_CARE", List.of());
    }

    private static VisitFacts facts(
            LocalDate registeredOn, Instant lastVisit, RegistryFacts registry, RiskSignal... s) {
        return new VisitFacts(registeredOn, lastVisit, registry, REGISTRY_RULES.assess(registry), List.of(s));
    }

    private static VisitFacts visited(LocalDate day, RegistryFacts registry, RiskSignal... signals) {
        return facts(MONDAY.minusYears(1), at(day, 10), registry, signals);
    }

    private static final RegistryRiskPolicy REGISTRY_RULES = RegistryRiskPolicy.defaults();

    @Nested
    class WorkingDays {

        @ParameterizedTest(name = "{0} + 5 working days = {1}")
        @CsvSource({
            "2025-06-02, 2025-06-09", // Monday -> next Monday
            "2025-06-03, 2025-06-10", // Tuesday -> next Tuesday
            "2025-06-04, 2025-06-11", // Wednesday -> next Wednesday
            "2025-06-05, 2025-06-12", // Thursday -> next Thursday
            "2025-06-06, 2025-06-13", // Friday -> next Friday
            "2025-06-07, 2025-06-13", // Saturday: the count starts on Monday
            "2025-06-08, 2025-06-13", // Sunday: the count starts on Monday
        })
        void skipSaturdaysAndSundays(LocalDate from, LocalDate expected) {
            assertThat(POLICY.addWorkingDays(from, 5)).isEqualTo(expected);
        }

        @Test
        void spanTwoWeekends() {
            assertThat(POLICY.addWorkingDays(LocalDate.of(2025, 6, 6), 6)).isEqualTo(LocalDate.of(2025, 6, 16));
            assertThat(POLICY.addWorkingDays(LocalDate.of(2025, 6, 5), 10)).isEqualTo(LocalDate.of(2025, 6, 19));
        }

        @Test
        void zeroDaysIsTheSameDay() {
            assertThat(POLICY.addWorkingDays(MONDAY, 0)).isEqualTo(MONDAY);
        }

        @Test
        void skipConfiguredPublicHolidays() {
            VisitPolicy dragonBoat = policy(Map.of("casework.visits.holidays", "2025-06-02"));
            // Friday 30 May: Monday 2 June (端午节) does not count.
            assertThat(dragonBoat.addWorkingDays(LocalDate.of(2025, 5, 30), 5)).isEqualTo(LocalDate.of(2025, 6, 9));
            assertThat(dragonBoat.isWorkingDay(MONDAY)).isFalse();
        }

        @Test
        void countConfiguredWorkingWeekendDays() {
            // National Day 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked (调休).
            VisitPolicy nationalDay = policy(Map.of(
                    "casework.visits.holidays",
                    "2025-10-01,2025-10-02,2025-10-03,2025-10-06,2025-10-07,2025-10-08",
                    "casework.visits.working-weekend-days",
                    "2025-09-28,2025-10-11"));
            assertThat(nationalDay.addWorkingDays(LocalDate.of(2025, 9, 26), 5)).isEqualTo(LocalDate.of(2025, 10, 10));
            assertThat(nationalDay.addWorkingDays(LocalDate.of(2025, 10, 9), 2)).isEqualTo(LocalDate.of(2025, 10, 11));
        }
    }

    @Nested
    class NeverVisited {

        @Test
        void isDueWithinFiveWorkingDaysOfRegistration() {
            VisitDue due = POLICY.due(facts(LocalDate.of(2025, 6, 6), null, RegistryFacts.NONE));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 6, 13));
            assertThat(due.rule()).isEqualTo(DueRule.FIRST_VISIT);
            assertThat(due.level()).isEqualTo(GREEN);
            assertThat(due.lastVisitOn()).isNull();
        }

        @Test
        void firstVisitRuleAppliesWhateverTheLevel() {
            VisitDue due = POLICY.due(facts(MONDAY, null, CHILD_IN_DIFFICULTY, openCase(ORANGE)));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 6, 9));
            assertThat(due.level()).isEqualTo(ORANGE);
            assertThat(due.rule()).isEqualTo(DueRule.FIRST_VISIT);
        }

        @Test
        void aRedCaseComesFirstWithin24Hours() {
            RiskSignal red = caseSince(RED, at(MONDAY, 15));
            VisitDue due = POLICY.due(facts(MONDAY, null, RegistryFacts.NONE, red));
            assertThat(due.dueOn()).isEqualTo(MONDAY.plusDays(1));
            assertThat(due.rule()).isEqualTo(DueRule.RED_RESPONSE);
        }

        @Test
        void isOverdueOnlyAfterTheDueDay() {
            VisitDue due = POLICY.due(facts(MONDAY, null, RegistryFacts.NONE));
            assertThat(due.isOverdueOn(due.dueOn().minusDays(1))).isFalse();
            assertThat(due.isOverdueOn(due.dueOn())).isFalse();
            assertThat(due.isOverdueOn(due.dueOn().plusDays(1))).isTrue();
        }
    }

    @Nested
    class Levels {

        private RiskLevel level(VisitFacts facts) {
            return POLICY.levelFor(facts).level();
        }

        @Test
        void theMostUrgentOpenCaseDecides() {
            VisitFacts facts = visited(MONDAY, RegistryFacts.NONE, openCase(YELLOW), openCase(ORANGE), openCase(GREEN));
            assertThat(level(facts)).isEqualTo(ORANGE);
            assertThat(POLICY.levelFor(facts).driver().source()).isEqualTo(LevelSource.CASE);
        }

        @Test
        void aGreenCaseDoesNotLowerTheRegistryLevel() {
            VisitLevel level = POLICY.levelFor(visited(MONDAY, CHILD_IN_DIFFICULTY, openCase(GREEN)));
            assertThat(level.level()).isEqualTo(YELLOW);
            assertThat(level.driver().source()).isEqualTo(LevelSource.REGISTRY);
            assertThat(level.driver().triggers()).containsExactly("child_in_difficulty");
        }

        @Test
        void anUntriagedFlagRaisesTheLevelFromTheMomentItIsRaised() {
            VisitLevel level = POLICY.levelFor(visited(MONDAY, CHILD_IN_DIFFICULTY, flagRaised(RED, at(MONDAY, 9))));
            assertThat(level.level()).isEqualTo(RED);
            assertThat(level.driver().source()).isEqualTo(LevelSource.FLAG);
        }

        @Test
        void atTheSameLevelACaseIsNamedBeforeAFlagAndTheRegistry() {
            VisitLevel level = POLICY.levelFor(
                    visited(MONDAY, CHILD_IN_DIFFICULTY, flagRaised(YELLOW, at(MONDAY, 9)), openCase(YELLOW)));
            assertThat(level.driver().source()).isEqualTo(LevelSource.CASE);
        }

        @Test
        void anAssessmentOutsideACaseRaisesTheLevel() {
            RiskSignal assessment = new RiskSignal(
                    LevelSource.ASSESSMENT, ORANGE, at(MONDAY, 9), "elderly-ability-gbt42195", List.of("x"));
            assertThat(level(visited(MONDAY, RegistryFacts.NONE, assessment))).isEqualTo(ORANGE);
        }

        @Test
        void withoutACaseFocusGroupsAreYellow() {
            assertThat(level(visited(MONDAY, CHILD_IN_DIFFICULTY))).isEqualTo(YELLOW);
            assertThat(level(visited(MONDAY, SPECIAL_DIFFICULTY_ELDERLY))).isEqualTo(YELLOW);
            assertThat(level(visited(MONDAY, DISABLED_ELDERLY))).isEqualTo(YELLOW);
            assertThat(level(visited(MONDAY, DISPERSED_EXTREME_POVERTY))).isEqualTo(YELLOW);
        }

        @Test
        void theOver80LivingAloneAreOrangeWithoutACase() {
            assertThat(level(visited(MONDAY, OVER_80_LIVING_ALONE))).isEqualTo(ORANGE);
            assertThat(POLICY.due(visited(MONDAY, OVER_80_LIVING_ALONE)).dueOn())
                    .isEqualTo(MONDAY.plusDays(7));
        }

        @Test
        void withoutACaseEveryoneElseIsGreen() {
            assertThat(level(visited(MONDAY, RegistryFacts.NONE))).isEqualTo(GREEN);
        }

        @Test
        void aCaseOfUnknownRiskLeavesItToTheRegistry() {
            RiskSignal unknown = caseSince(null, null);
            assertThat(level(visited(MONDAY, CHILD_IN_DIFFICULTY, unknown))).isEqualTo(YELLOW);
            assertThat(level(visited(MONDAY, RegistryFacts.NONE, unknown))).isEqualTo(GREEN);
        }
    }

    @Nested
    class AfterAVisit {

        @Test
        void greenIsQuarterly() {
            VisitDue due = POLICY.due(visited(MONDAY, RegistryFacts.NONE));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 9, 2));
            assertThat(due.rule()).isEqualTo(DueRule.LEVEL_INTERVAL);
            assertThat(due.lastVisitOn()).isEqualTo(MONDAY);
        }

        @Test
        void yellowIsMonthly() {
            assertThat(POLICY.due(visited(MONDAY, CHILD_IN_DIFFICULTY)).dueOn()).isEqualTo(LocalDate.of(2025, 7, 2));
        }

        @Test
        void monthlyFromTheEndOfAMonthEndsOnTheLastDayOfTheNext() {
            assertThat(POLICY.due(visited(LocalDate.of(2025, 1, 31), CHILD_IN_DIFFICULTY))
                            .dueOn())
                    .isEqualTo(LocalDate.of(2025, 2, 28));
        }

        @Test
        void orangeIsWeekly() {
            VisitDue due = POLICY.due(visited(MONDAY, RegistryFacts.NONE, openCase(ORANGE)));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 6, 9));
            assertThat(due.level()).isEqualTo(ORANGE);
        }

        @Test
        void redIsWeeklyOnceVisitedSinceItBecameRed() {
            VisitDue due = POLICY.due(visited(MONDAY, RegistryFacts.NONE, openCase(RED)));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 6, 9));
            assertThat(due.rule()).isEqualTo(DueRule.LEVEL_INTERVAL);
        }

        @Test
        void aCaseTurningRedAfterTheLastVisitIsDueWithin24Hours() {
            RiskSignal red = caseSince(RED, at(LocalDate.of(2025, 6, 4), 15));
            VisitDue due = POLICY.due(visited(MONDAY, RegistryFacts.NONE, red));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 6, 5));
            assertThat(due.rule()).isEqualTo(DueRule.RED_RESPONSE);
        }

        @Test
        void aVisitAlreadyDueBeforeTheRedResponseStaysDue() {
            RiskSignal red = caseSince(RED, at(LocalDate.of(2025, 6, 20), 15));
            VisitDue due = POLICY.due(visited(LocalDate.of(2025, 6, 12), RegistryFacts.NONE, red));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 6, 19));
            assertThat(due.rule()).isEqualTo(DueRule.LEVEL_INTERVAL);
        }

        @Test
        void theNewestRedAlarmIsTheOneToAnswer() {
            RiskSignal answered = caseSince(RED, at(MONDAY.minusDays(1), 9));
            RiskSignal fresh = flagRaised(RED, at(MONDAY.plusDays(2), 22));
            VisitDue due = POLICY.due(visited(MONDAY, RegistryFacts.NONE, answered, fresh));
            assertThat(due.dueOn()).isEqualTo(MONDAY.plusDays(3));
            assertThat(due.rule()).isEqualTo(DueRule.RED_RESPONSE);
        }

        @Test
        void specialDifficultyElderlyAreVisitedAtLeastMonthlyEvenWithAGreenCase() {
            VisitDue due = POLICY.due(visited(MONDAY, SPECIAL_DIFFICULTY_ELDERLY, openCase(GREEN)));
            assertThat(due.level()).isEqualTo(YELLOW);
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 7, 2));
        }

        @Test
        void theMonthlyRuleHoldsWhenTheCountyMakesYellowLessFrequent() {
            VisitPolicy county = policy(Map.of("casework.visits.yellow-interval", "P2M"));
            VisitDue elderly = county.due(visited(MONDAY, SPECIAL_DIFFICULTY_ELDERLY));
            assertThat(elderly.dueOn()).isEqualTo(LocalDate.of(2025, 7, 2));
            assertThat(elderly.rule()).isEqualTo(DueRule.SPECIAL_DIFFICULTY_ELDERLY);
            VisitDue dispersed = county.due(visited(MONDAY, DISPERSED_EXTREME_POVERTY));
            assertThat(dispersed.dueOn()).isEqualTo(LocalDate.of(2025, 7, 2));
            assertThat(dispersed.rule()).isEqualTo(DueRule.DISPERSED_EXTREME_POVERTY);
        }

        @Test
        void dispersedExtremePovertySupportIsVisitedMonthly() {
            VisitDue due = POLICY.due(visited(MONDAY, DISPERSED_EXTREME_POVERTY, openCase(GREEN)));
            assertThat(due.level()).isEqualTo(YELLOW);
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 7, 2));
        }

        @Test
        void aRedFlagAfterTheLastVisitIsDueWithin24HoursOfBeingRaised() {
            VisitDue due =
                    POLICY.due(visited(MONDAY, CHILD_IN_DIFFICULTY, flagRaised(RED, at(LocalDate.of(2025, 6, 4), 15))));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 6, 5));
            assertThat(due.rule()).isEqualTo(DueRule.RED_RESPONSE);
            assertThat(due.driver().source()).isEqualTo(LevelSource.FLAG);
        }

        @Test
        void specialDifficultyElderlyWithAnOrangeCaseKeepTheWeeklyVisit() {
            VisitDue due = POLICY.due(visited(MONDAY, SPECIAL_DIFFICULTY_ELDERLY, openCase(ORANGE)));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 6, 9));
            assertThat(due.rule()).isEqualTo(DueRule.LEVEL_INTERVAL);
        }

        @Test
        void disabledElderlyWithAGreenCaseStayMonthly() {
            VisitDue due = POLICY.due(visited(MONDAY, DISABLED_ELDERLY, openCase(GREEN)));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 7, 2));
        }

        @Test
        void theVisitDayIsTheDayInChina() {
            // 20:00 UTC on 2 June is 04:00 on 3 June in Beijing.
            VisitFacts facts = facts(MONDAY, Instant.parse("2025-06-02T20:00:00Z"), RegistryFacts.NONE);
            VisitDue due = POLICY.due(facts);
            assertThat(due.lastVisitOn()).isEqualTo(LocalDate.of(2025, 6, 3));
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 9, 3));
        }
    }

    @Nested
    class Configuration {

        @Test
        void defaultsAreThoseOfTheProductBrief() {
            VisitPolicy bound = policy(Map.of());
            assertThat(bound).isEqualTo(POLICY);
            assertThat(bound.firstVisitWorkingDays()).isEqualTo(5);
            assertThat(bound.redResponse()).hasHours(24);
            assertThat(bound.interval(RED)).isEqualTo(Period.ofDays(7));
            assertThat(bound.interval(ORANGE)).isEqualTo(Period.ofDays(7));
            assertThat(bound.interval(YELLOW)).isEqualTo(Period.ofMonths(1));
            assertThat(bound.interval(GREEN)).isEqualTo(Period.ofMonths(3));
            assertThat(bound.specialDifficultyElderlyInterval()).isEqualTo(Period.ofMonths(1));
        }

        @Test
        void aCountyCanChangeTheIntervals() {
            VisitPolicy county = policy(Map.of(
                    "casework.visits.first-visit-working-days", "3",
                    "casework.visits.green-interval", "2m",
                    "casework.visits.red-response", "12h"));
            assertThat(county.addWorkingDays(MONDAY, county.firstVisitWorkingDays()))
                    .isEqualTo(MONDAY.plusDays(3));
            assertThat(county.due(visited(MONDAY, RegistryFacts.NONE)).dueOn()).isEqualTo(LocalDate.of(2025, 8, 2));
            RiskSignal red = caseSince(RED, at(MONDAY.plusDays(1), 9));
            assertThat(county.due(visited(MONDAY, RegistryFacts.NONE, red)).dueOn())
                    .isEqualTo(MONDAY.plusDays(1));
        }
    }

    private static VisitPolicy policy(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("casework.visits", VisitPolicy.class);
    }
}
