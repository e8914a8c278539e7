package org.casework.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void medianAndP90TakeTheNearestRank() {
        List<Long> minutes = List.of(1800L, 30L, 60L);
        assertThat(Durations.median(minutes)).isEqualTo(60L);
        assertThat(Durations.p90(minutes)).isEqualTo(1800L);
        List<Long> ten = List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(Durations.median(ten)).isEqualTo(5L);
        assertThat(Durations.p90(ten)).isEqualTo(9L);
        assertThat(Durations.median(List.of(240L, 300L))).isEqualTo(240L);
        assertThat(Durations.p90(List.of(240L, 300L))).isEqualTo(300L);
    }

    @Test
    void nothingToMeasureIsNullNotZero() {
        assertThat(Durations.median(List.of())).isNull();
        assertThat(Durations.p90(List.of())).isNull();
        assertThat(Durations.percent(3, 0)).isNull();
    }

    @Test
    void percentHasOneDecimal() {
        assertThat(Durations.percent(2, 3)).isEqualTo(66.7);
        assertThat(Durations.percent(0, 1)).isEqualTo(0.0);
        assertThat(Durations.percent(1, 2)).isEqualTo(50.0);
    }
}
