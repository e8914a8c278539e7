package org.casework.core.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casework.core.shared.RegionLevel;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county's page of visits due is an ordered read of its own range of the V36 index on the database
 * the suite runs on (H2, or MariaDB with -Pmariadb), through the application's own connections. On
 * MariaDB those connections use the server's default collation, not the table's: naming the county
 * in the ORDER BY (as H2 needs) then made MariaDB sort the whole county (31 ms instead of 1 at
 * 1,000,000 clients), which only a plan read through these connections shows.
 */
@IntegrationTest
class VisitsDuePlanIT {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DatabaseKind database;

    @Test
    void aCountyPageIsReadInIndexOrderFromItsOwnRange() {
        String sql = VisitsDueSource.pageSql(RegionLevel.COUNTY, database.isH2())
                .replace("?1", "?")
                .replace("?2", "?")
                .replace("?3", "?");
        List<Map<String, Object>> rows =
                jdbc.queryForList("EXPLAIN " + sql, "410225", LocalDate.of(2026, 12, 13), 1000);
        if (database.isH2()) {
            String plan = rows.toString();
            assertThat(plan).containsIgnoringCase("ix_visit_schedule_county");
            assertThat(plan).as("read in index order").containsIgnoringCase("index sorted");
        } else {
            // the schedule's row of the plan (the derived table); the outer query sorts only the page
            Map<String, Object> schedule = rows.stream()
                    .filter(row -> "s".equals(row.get("table")))
                    .findFirst()
                    .orElseThrow();
            assertThat(schedule.get("key")).isEqualTo("ix_visit_schedule_county");
            assertThat(String.valueOf(schedule.get("Extra"))).doesNotContainIgnoringCase("filesort");
        }
    }
}
