package org.casework.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitingTimeTest {

    @Test
    void underAnHourInMinutes() {
        WaitingTime t = WaitingTime.of(Duration.ofMinutes(42).plusSeconds(30));

        assertThat(t.key()).isEqualTo("age.minutes");
        assertThat(t.args()).containsExactly(42L);
    }

    @Test
    void underADayInHoursAndMinutes() {
        WaitingTime t = WaitingTime.of(Duration.ofHours(3).plusMinutes(5));

        assertThat(t.key()).isEqualTo("age.hours");
        assertThat(t.args()).containsExactly(3L, 5);
    }

    @Test
    void longerInDaysAndHours() {
        WaitingTime t = WaitingTime.of(Duration.ofDays(2).plusHours(7).plusMinutes(59));

        assertThat(t.key()).isEqualTo("age.days");
        assertThat(t.args()).containsExactly(2L, 7);
    }

    @Test
    void aClockSkewNeverShowsANegativeWait() {
        assertThat(WaitingTime.of(Duration.ofMinutes(-3)).args()).containsExactly(0L);
    }
}
