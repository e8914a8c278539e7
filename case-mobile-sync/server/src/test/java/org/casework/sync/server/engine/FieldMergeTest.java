package org.casework.sync.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.core.devices.ClientEdits;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;

class FieldMergeTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aFieldUnchangedOnTheServerSinceTheEditBeganIsApplied() {
        var result = FieldMerge.merge(map("school", "一小"), map("school", "一小"), map("school", "二小"), Map.of());
        assertThat(result.apply()).containsEntry("school", "二小");
        assertThat(result.clashes()).isEmpty();
    }

    @Test
    void aFieldAlreadyAtTheNewValueIsANoOp() {
        var result = FieldMerge.merge(map("school", "二小"), map("school", "一小"), map("school", "二小"), Map.of());
        assertThat(result.apply()).isEmpty();
        assertThat(result.clashes()).isEmpty();
    }

    @Test
    void aTrueClashKeepsTheServerValueAndReportsBoth() {
        var result = FieldMerge.merge(map("school", "三小"), map("school", "一小"), map("school", "二小"), Map.of());
        assertThat(result.apply()).isEmpty();
        assertThat(result.clashes()).containsExactly(new FieldMerge.Clash("school", "二小", "三小"));
    }

    @Test
    void fieldsMergeOneByOne() {
        var result = FieldMerge.merge(
                map("school", "三小", "address", "1组"),
                map("school", "一小", "address", "1组"),
                map("school", "二小", "address", "2组"),
                Map.of());
        assertThat(result.apply()).containsOnlyKeys("address");
        assertThat(result.clashes()).extracting(FieldMerge.Clash::field).containsExactly("school");
    }

    @Test
    void blankAndNullAndNumbersAsTextAreTheSameValue() {
        var result =
                FieldMerge.merge(map("members", 3, "school", ""), map(), map("members", "3", "school", null), Map.of());
        assertThat(result.apply()).isEmpty();
        assertThat(result.clashes()).isEmpty();
    }

    @Test
    void aRaiseOfRiskBeatsAClearWithoutAConflict() {
        // Least urgent first: GREEN < YELLOW < ORANGE < RED (RiskLevel lists RED first).
        Comparator<Object> urgency =
                Comparator.comparing(v -> -RiskLevel.valueOf(String.valueOf(v)).ordinal());
        Map<String, Comparator<Object>> risky = Map.of("level", urgency);
        var raised = FieldMerge.merge(map("level", "YELLOW"), map("level", "GREEN"), map("level", "RED"), risky);
        assertThat(raised.apply()).containsEntry("level", "RED");
        assertThat(raised.clashes()).isEmpty();
        var cleared = FieldMerge.merge(map("level", "RED"), map("level", "ORANGE"), map("level", "GREEN"), risky);
        assertThat(cleared.apply()).isEmpty();
        assertThat(cleared.clashes()).isEmpty();
    }

    @Test
    void withoutAConcurrentChangeARiskLikeFieldMayBeLowered() {
        var result = FieldMerge.merge(
                map("living", "ALONE"), map("living", "ALONE"), map("living", "WITH_CHILDREN"), ClientEdits.URGENCY);
        assertThat(result.apply()).containsEntry("living", "WITH_CHILDREN");
        assertThat(result.clashes()).isEmpty();
    }

    @Test
    void livingAloneIsARaiseThatBeatsTheStationsConcurrentChange() {
        var phoneRaises = FieldMerge.merge(
                map("living", "WITH_CHILDREN"),
                map("living", "WITH_SPOUSE"),
                map("living", "ALONE"),
                ClientEdits.URGENCY);
        assertThat(phoneRaises.apply()).containsEntry("living", "ALONE");
        assertThat(phoneRaises.clashes()).isEmpty();
        var stationRaised = FieldMerge.merge(
                map("living", "ALONE"),
                map("living", "WITH_SPOUSE"),
                map("living", "WITH_CHILDREN"),
                ClientEdits.URGENCY);
        assertThat(stationRaised.apply()).isEmpty();
        assertThat(stationRaised.clashes()).isEmpty();
    }

    @Test
    void equallyUrgentDifferentValuesOfARiskLikeFieldAreATrueClash() {
        var result = FieldMerge.merge(
                map("living", "WITH_CHILDREN"),
                map("living", "ALONE"),
                map("living", "WITH_SPOUSE"),
                ClientEdits.URGENCY);
        assertThat(result.apply()).isEmpty();
        assertThat(result.clashes()).containsExactly(new FieldMerge.Clash("living", "WITH_SPOUSE", "WITH_CHILDREN"));
    }

    @Test
    void checksumLinesSortByTypeThenId() {
        String a = SyncChecksums.digest(List.of("visit:b:1\n", "client:z:2\n", "client:a:0\n"));
        String b = SyncChecksums.digest(List.of("client:a:0\n", "client:z:2\n", "visit:b:1\n"));
        assertThat(a).isEqualTo(b).hasSize(64);
    }
}
