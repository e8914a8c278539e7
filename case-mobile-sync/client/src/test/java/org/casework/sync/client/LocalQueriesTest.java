package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.casework.sync.client.LocalQueries.Due;
import org.casework.sync.client.OfflineEdits.FlagReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalQueriesTest {

    static final String VILLAGE = "410225101201";

    @TempDir
    Path dir;

    LocalStore store;
    LocalQueries queries;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("q.db"));
        queries = new LocalQueries(store, clock, ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    void child(String id, String name, String nextDueOn) {
        store.saveRecord(
                new StoredRecord("client", id, VILLAGE, 0L, Json.object().put("name", name), SyncState.SYNCED, null));
        if (nextDueOn != null) {
            store.saveRecord(new StoredRecord(
                    "visitDue",
                    "due-" + id,
                    VILLAGE,
                    0L,
                    Json.object().put("client", id).put("nextDueOn", nextDueOn).put("lastVisitOn", "2026-10-01"),
                    SyncState.SYNCED,
                    null));
        }
    }

    @Test
    void listsOverdueVisitsFirstThenDueOnesThenTheRest() {
        child("a", "安安", null);
        child("b", "贝贝", "2026-12-30");
        child("c", "晨晨", "2026-11-30");
        child("d", "丁丁", "2026-11-20");
        child("e", "恩恩", "2026-11-10");
        store.saveRecord(new StoredRecord(
                "client", "x", "410225101202", 0L, Json.object().put("name", "外村"), SyncState.SYNCED, null));

        assertThat(queries.children(VILLAGE))
                .extracting(LocalQueries.ChildSummary::id, LocalQueries.ChildSummary::due)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("e", Due.OVERDUE),
                        org.assertj.core.groups.Tuple.tuple("d", Due.OVERDUE),
                        org.assertj.core.groups.Tuple.tuple("c", Due.DUE),
                        org.assertj.core.groups.Tuple.tuple("b", Due.LATER),
                        org.assertj.core.groups.Tuple.tuple("a", Due.NONE));
    }

    @Test
    void aChildsCardHoldsItsScheduleVisitsAndFlagsWithTheirSyncState() {
        UUID id = UUID.fromString("7d1f6a2e-0000-4000-8000-000000000001");
        child(id.toString(), "晨晨", "2026-11-30");
        store.saveRecord(new StoredRecord(
                "visit",
                "v-old",
                VILLAGE,
                2L,
                Json.object().put("client", id.toString()).put("occurredAt", "2026-10-01T09:00:00Z"),
                SyncState.SYNCED,
                null));
        OfflineEdits edits = new OfflineEdits(store, clock);
        UUID visit = edits.logVisit(new OfflineEdits.VisitLog(id, "HOME_VISIT", clock.instant(), 20, "家访", null));
        UUID flag = edits.raiseFlag(
                new FlagReport(id, null, null, null, null, VILLAGE, "NEGLECT", "RED", "独自在家", clock.instant(), null));

        LocalQueries.ChildCard card = queries.child(id).orElseThrow();

        assertThat(card.visitDue())
                .hasValueSatisfying(d -> assertThat(d.field("nextDueOn")).isEqualTo("2026-11-30"));
        assertThat(card.visits()).extracting(StoredRecord::id).containsExactly(visit.toString(), "v-old");
        assertThat(card.visits().get(0).state()).isEqualTo(SyncState.PENDING);
        assertThat(card.flags())
                .singleElement()
                .satisfies(f -> assertThat(f.field("subjectName")).isEqualTo("晨晨"));
        assertThat(queries.myFlags()).extracting(StoredRecord::id).containsExactly(flag.toString());
        assertThat(queries.pendingCount()).isEqualTo(2);
        assertThat(queries.lastSyncTime()).isEmpty();
    }
}
