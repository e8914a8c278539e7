package org.casework.core.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.casework.core.clients.Sex;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlagTest {

    private static final RegionCode VILLAGE = new RegionCode("410225101201");
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z"); // a Wednesday, 10:00 in China
    private final FlagSlaPolicy sla = new FlagSlaPolicy();
    private Set<LocalDate> holidays = Set.of();
    private Set<LocalDate> makeUpDays = Set.of();

    /** The county calendar as the visit rules keep it: weekends off unless a make-up day, holidays off. */
    private boolean isWorkingDay(LocalDate day) {
        if (makeUpDays.contains(day)) {
            return true;
        }
        return !holidays.contains(day) && day.getDayOfWeek().getValue() < 6;
    }

    private Function<RiskLevel, FlagSlaPolicy.Deadlines> deadlines() {
        return severity -> sla.deadlines(severity, NOW, this::isWorkingDay);
    }

    @ParameterizedTest
    @EnumSource(value = FlagType.class, names = "MR_.*", mode = EnumSource.Mode.MATCH_ALL)
    void everyMandatoryReportTypeIsRedWhateverTheReporterChose(FlagType type) {
        assertThat(type.isMandatoryReport()).isTrue();
        assertThat(flag(type, RiskLevel.GREEN).getSeverity()).isEqualTo(RiskLevel.RED);
    }

    @Test
    void thereAreNineMandatoryReportSituations() {
        assertThat(java.util.Arrays.stream(FlagType.values()).filter(FlagType::isMandatoryReport))
                .hasSize(9);
    }

    @Test
    void theReporterMayRaiseButNotLowerTheSeverityTheTypeProposes() {
        assertThat(flag(FlagType.UNSAFE_HOUSING, null).getSeverity()).isEqualTo(RiskLevel.YELLOW);
        assertThat(flag(FlagType.UNSAFE_HOUSING, RiskLevel.RED).getSeverity()).isEqualTo(RiskLevel.RED);
        assertThat(flag(FlagType.SCHOOL_DROPOUT, RiskLevel.GREEN).getSeverity()).isEqualTo(RiskLevel.ORANGE);
        assertThat(flag(FlagType.LIVING_ALONE, null).getSeverity()).isEqualTo(RiskLevel.RED);
    }

    @Test
    void redFlagsAreDueInTwoHoursAndReachTheCountyTwoHoursLater() {
        Flag flag = flag(FlagType.LIVING_ALONE, null);
        assertThat(flag.getTriageDueAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(flag.getCountyDueAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThat(flag.isOverdue(NOW.plus(Duration.ofMinutes(119)))).isFalse();
        assertThat(flag.isOverdue(NOW.plus(Duration.ofMinutes(121)))).isTrue();
    }

    @Test
    void orangeFlagsAreDueInTwentyFourHours() {
        assertThat(flag(FlagType.UNFIT_CARER, null).getTriageDueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void otherFlagsAreDueInThreeWorkingDaysSkippingTheWeekend() {
        // Wednesday 10:00 + 3 working days = Monday 10:00 (Saturday and Sunday skipped)
        assertThat(flag(FlagType.OTHER, null).getTriageDueAt()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    void countyHolidaysAreSkippedAndMakeUpWorkingDaysCount() {
        holidays = Set.of(LocalDate.parse("2026-11-26"));
        makeUpDays = Set.of(LocalDate.parse("2026-11-28"));
        // Thu is a holiday, Fri counts, Sat is a make-up working day, then Mon
        assertThat(flag(FlagType.OTHER, null).getTriageDueAt()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
        makeUpDays = Set.of();
        assertThat(flag(FlagType.OTHER, null).getTriageDueAt()).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void aNewMinimalRecordNeedsANameAndAnAgeUnderEighteen() {
        assertThatThrownBy(() -> newRecord(null, 8)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> newRecord("小明", 18)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> newRecord("小明", null)).isInstanceOf(InvalidInputException.class);
        assertThat(newRecord("小明", 0).getSubjectAgeYears()).isZero();
    }

    @Test
    void aDescriptionIsRequiredAndTheFutureIsRefused() {
        assertThatThrownBy(() -> new Flag(
                        VILLAGE,
                        subject(),
                        new Flag.Observation(FlagType.OTHER, null, " ", NOW, null),
                        UUID.randomUUID(),
                        "director",
                        NOW,
                        deadlines()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Flag(
                        VILLAGE,
                        subject(),
                        new Flag.Observation(FlagType.OTHER, null, "看到", NOW.plus(Duration.ofHours(1)), null),
                        UUID.randomUUID(),
                        "director",
                        NOW,
                        deadlines()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFlagIsTriagedOnceAndADismissalNeedsAReason() {
        Flag flag = flag(FlagType.OTHER, null);
        assertThatThrownBy(() -> flag.triage(FlagOutcome.DISMISSED, null, null, " ", "station", NOW))
                .isInstanceOf(InvalidInputException.class);
        flag.triage(FlagOutcome.DISMISSED, null, null, "误报，已电话核实", "station", NOW);
        assertThat(flag.isUntriaged()).isFalse();
        assertThat(flag.isOverdue(NOW.plus(Duration.ofDays(30)))).isFalse();
        assertThatThrownBy(() -> flag.triage(FlagOutcome.REGISTERED, null, null, null, "station", NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyRealImagesAreAccepted() {
        assertThat(FlagService.imageType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}))
                .isEqualTo("image/jpeg");
        assertThat(FlagService.imageType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
                .isEqualTo("image/png");
        assertThat(FlagService.imageType("<html><script>".getBytes())).isNull();
    }

    private Flag flag(FlagType type, RiskLevel chosen) {
        return new Flag(
                VILLAGE,
                subject(),
                new Flag.Observation(type, chosen, "孩子一个人在家", NOW, "村东头"),
                UUID.randomUUID(),
                "director",
                NOW,
                deadlines());
    }

    private Flag newRecord(String name, Integer age) {
        return new Flag(
                VILLAGE,
                new Flag.Subject(null, name, Sex.MALE, age, "奶奶 13800000000"),
                new Flag.Observation(FlagType.OTHER, null, "看到", NOW, null),
                UUID.randomUUID(),
                "director",
                NOW,
                deadlines());
    }

    private static Flag.Subject subject() {
        return new Flag.Subject(null, "小明", Sex.MALE, 9, null);
    }
}
