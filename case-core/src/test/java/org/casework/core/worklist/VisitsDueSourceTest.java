package org.casework.core.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visits due of a village, a township and a county: every first {@code limit} of them is the
 * first {@code limit} of the jurisdiction's list in the worklist's order (level, due day, client id),
 * whichever index reads them, and each level of jurisdiction reads the index meant for it.
 */
@SpringBootTest
@Transactional
class VisitsDueSourceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate HORIZON = TODAY.plusDays(7);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private VisitsDueSource source;

    @Test
    void eachJurisdictionGetsItsVisitsInTheWorklistOrder() {
        // Two villages of one township, one of another township, one of another county: same levels
        // and days, ids that order differently as bytes than as java.util.UUID (negative high bits).
        String[] villages = {"410225101201", "410225101202", "410225102201", "410221101201"};
        int n = 0;
        for (String village : villages) {
            for (int rank = 0; rank < 3; rank++) {
                for (int day = -3; day <= 9; day += 4) {
                    long high = (n % 2 == 0 ? 0x8000_0000_0000_0000L : 0) | (long) (n * 7919 % 101) << 32;
                    schedule(new UUID(high, n), village, rank, TODAY.plusDays(day));
                    schedule(new UUID(high + 1, n), village, rank, TODAY.plusDays(day));
                    n++;
                }
            }
        }
        for (String jurisdiction : List.of("410225101201", "410225101", "410225102", "410225", "410221", "4102")) {
            List<UUID> expected = expected(jurisdiction);
            assertThat(expected).as("rows due in %s", jurisdiction).hasSizeGreaterThan(10);
            Actor actor =
                    new Actor(UUID.randomUUID(), "sup", Role.COUNTY_SUPERVISOR, new RegionCode(jurisdiction), null);
            for (int limit : new int[] {1, 5, 10, expected.size(), expected.size() + 5}) {
                WorkItemSource.Batch batch = source.fetch(actor, TODAY, HORIZON, limit);
                assertThat(batch.total()).isEqualTo(expected.size());
                assertThat(batch.items())
                        .as("the first %d of %s", limit, jurisdiction)
                        .extracting(WorkItem::clientId)
                        .containsExactlyElementsOf(expected.subList(0, Math.min(limit, expected.size())));
                assertThat(batch.items()).allSatisfy(item -> {
                    assertThat(item.regionCode()).startsWith(jurisdiction);
                    assertThat(item.overdue()).isEqualTo(item.dueOn().isBefore(TODAY));
                });
            }
        }
    }

    /**
     * The count stops one past the deepest page (nobody can page further), for every level of
     * jurisdiction; the page is still the first rows in the worklist's order.
     */
    @Test
    void theCountStopsOnePastTheDeepestPage() {
        int rows = WorklistService.COUNT_LIMIT + 49;
        List<Object[]> clients = new ArrayList<>();
        List<Object[]> schedules = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            byte[] id = bytes(new UUID(0x4000_0000_0000_0000L, i));
            clients.add(new Object[] {id, "410225101201"});
            schedules.add(new Object[] {id, "410225101201", TODAY.plusDays(i % 9 - 3)});
        }
        jdbc.batchUpdate(
                "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                        + " DATE '2016-03-01', ?)",
                clients);
        jdbc.batchUpdate(
                "INSERT INTO visit_schedule (client_id, region_code, visit_level, level_rank, next_due_on,"
                        + " due_rule, refreshed_at) VALUES (?, ?, 'GREEN', 3, ?, 'FIRST_VISIT', CURRENT_TIMESTAMP)",
                schedules);
        assertThat(expected("410225101201")).as("due by the horizon").hasSizeGreaterThan(WorklistService.COUNT_LIMIT);
        for (String jurisdiction : List.of("410225101201", "410225101", "410225", "4102")) {
            Actor actor =
                    new Actor(UUID.randomUUID(), "sup", Role.COUNTY_SUPERVISOR, new RegionCode(jurisdiction), null);
            WorkItemSource.Batch batch = source.fetch(actor, TODAY, HORIZON, 50);
            assertThat(batch.total()).as(jurisdiction).isEqualTo(WorklistService.COUNT_LIMIT);
            assertThat(batch.items())
                    .extracting(WorkItem::clientId)
                    .containsExactlyElementsOf(expected(jurisdiction).subList(0, 50));
        }
    }

    /**
     * A township's page read in the V32 order walks the whole county's entries (H2 picked that index
     * for every prefix: the station worker's worklist went from 26 to 112 ms at p50): below county
     * level the page must read the region range. A county reads its own range of the county index in
     * order (V36; V32 walked every county's entries at province scale), a wider jurisdiction V32.
     */
    @Test
    void eachLevelOfJurisdictionReadsTheIndexMeantForIt() {
        assertThat(plan(RegionLevel.VILLAGE, "410225101201%")).containsIgnoringCase("ix_visit_schedule_region_due");
        assertThat(plan(RegionLevel.TOWNSHIP, "410225101%")).containsIgnoringCase("ix_visit_schedule_region_due");
        assertThat(plan(RegionLevel.COUNTY, "410225"))
                .containsIgnoringCase("ix_visit_schedule_county")
                .as("read in index order, not sorted")
                .containsIgnoringCase("index sorted");
        assertThat(plan(RegionLevel.CITY, "4102%")).containsIgnoringCase("ix_visit_schedule_worklist");
    }

    /**
     * A township's page is sorted from the region index alone (V35): it must hold the level beside
     * the due day, or each of the township's entries is read from the table before the sort (30-40
     * ms at 1,000,000 clients on MariaDB instead of 3-9).
     */
    @Test
    void theRegionIndexHoldsEverythingThePagesOrderNeeds() {
        List<String> columns = jdbc.execute((java.sql.Connection connection) -> {
            java.util.SortedMap<Short, String> byPosition = new java.util.TreeMap<>();
            var meta = connection.getMetaData();
            for (String table : List.of("visit_schedule", "VISIT_SCHEDULE")) {
                try (var rs = meta.getIndexInfo(connection.getCatalog(), null, table, false, true)) {
                    while (rs.next()) {
                        if ("ix_visit_schedule_region_due".equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                            byPosition.put(
                                    rs.getShort("ORDINAL_POSITION"),
                                    rs.getString("COLUMN_NAME").toLowerCase());
                        }
                    }
                }
            }
            return new ArrayList<>(byPosition.values());
        });
        assertThat(columns).containsExactly("region_code", "next_due_on", "level_rank", "visit_level");
    }

    private String plan(RegionLevel level, String scope) {
        String sql = VisitsDueSource.pageSql(level, true)
                .replace("?1", "?")
                .replace("?2", "?")
                .replace("?3", "?");
        StringBuilder plan = new StringBuilder();
        jdbc.queryForList("EXPLAIN " + sql, scope, HORIZON, 50).forEach(row -> plan.append(row.values()));
        return plan.toString();
    }

    /** The jurisdiction's rows due by the horizon (seeded ones too), sorted here, ids as bytes. */
    private List<UUID> expected(String jurisdiction) {
        record Row(byte[] id, int rank, LocalDate due) {}
        List<Row> rows = new ArrayList<>(jdbc.query(
                "select client_id, level_rank, next_due_on from visit_schedule where region_code like ?",
                (rs, i) -> new Row(rs.getBytes(1), rs.getInt(2), rs.getObject(3, LocalDate.class)),
                jurisdiction + "%"));
        rows.removeIf(r -> r.due().isAfter(HORIZON));
        rows.sort(Comparator.comparingInt(Row::rank)
                .thenComparing(Row::due)
                .thenComparing(Row::id, Arrays::compareUnsigned));
        return rows.stream()
                .map(r -> {
                    ByteBuffer b = ByteBuffer.wrap(r.id());
                    return new UUID(b.getLong(), b.getLong());
                })
                .toList();
    }

    private void schedule(UUID client, String village, int rank, LocalDate due) {
        jdbc.update(
                "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                        + " DATE '2016-03-01', ?)",
                bytes(client),
                village);
        String level = List.of("RED", "ORANGE", "YELLOW").get(rank);
        jdbc.update(
                "INSERT INTO visit_schedule (client_id, region_code, visit_level, level_rank, next_due_on,"
                        + " due_rule, refreshed_at) VALUES (?, ?, ?, ?, ?, 'FIRST_VISIT', CURRENT_TIMESTAMP)",
                bytes(client),
                village,
                level,
                rank,
                due);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
