package org.casework.core.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.casework.core.flags.PoliceReportDeadline.Standing;
import org.junit.jupiter.api.Test;

class PoliceReportDeadlineTest {

    private static final Instant SIGNED = Instant.parse("2026-12-01T02:00:00Z");
    private final PoliceReportDeadline deadline = new PoliceReportDeadline(Duration.ofHours(2));

    @Test
    void aMissingReportIsAnAlarmWithinTheDeadlineAndOverdueAfterIt() {
        assertThat(deadline.standing(SIGNED, null, SIGNED.plusSeconds(3600))).isEqualTo(Standing.MISSING);
        assertThat(deadline.standing(SIGNED, null, SIGNED.plus(Duration.ofHours(3))))
                .isEqualTo(Standing.OVERDUE);
        assertThat(Standing.MISSING.alarm()).isTrue();
        assertThat(Standing.OVERDUE.alarm()).isTrue();
    }

    @Test
    void aReportInTimeIsNoLongerAnAlarm() {
        Standing standing =
                deadline.standing(SIGNED, SIGNED.plus(Duration.ofMinutes(90)), SIGNED.plus(Duration.ofDays(3)));

        assertThat(standing).isEqualTo(Standing.REPORTED);
        assertThat(standing.alarm()).isFalse();
        assertThat(standing.reported()).isTrue();
    }

    @Test
    void aReportAfterTheDeadlineStaysMarkedAsLate() {
        Standing standing =
                deadline.standing(SIGNED, SIGNED.plus(Duration.ofHours(5)), SIGNED.plus(Duration.ofHours(6)));

        assertThat(standing).isEqualTo(Standing.REPORTED_LATE);
        assertThat(standing.alarm()).isTrue();
        assertThat(standing.reported()).isTrue();
    }

    @Test
    void theDeadlineIsExactlyTheConfiguredTimeAfterTheSituationWasKnown() {
        assertThat(deadline.dueAt(SIGNED)).isEqualTo(SIGNED.plus(Duration.ofHours(2)));
        assertThat(deadline.standing(SIGNED, SIGNED.plus(Duration.ofHours(2)), SIGNED.plus(Duration.ofHours(9))))
                .isEqualTo(Standing.REPORTED);
        assertThatThrownBy(() -> new PoliceReportDeadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
