package org.casework.core.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvals are paged in the database (issue 14): any first {@code limit} of them must be the first
 * {@code limit} of the whole list in {@link WorkItem#ORDER} (risk, submission day in China, id). The
 * rows are written as before V34 (the history only) and dated by V34's backfill, as the migration
 * dated the cases of before; {@code ApprovalsOrderOracleIT} (case-web) walks cases through their steps.
 */
@SpringBootTest
@Transactional
class ApprovalsWaitingSourceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final String VILLAGE = "410225101201";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApprovalsWaitingSource source;

    private int numbers;

    @Test
    void everyPrefixOfTheListIsTheFirstItemsInTheWorklistOrder() {
        UUID supervisor = UUID.randomUUID();
        Actor actor = new Actor(supervisor, "sup", Role.STATION_HEAD, new RegionCode(VILLAGE), null);
        assertThat(source.fetch(actor, TODAY, TODAY.plusDays(7), 100).total())
                .as("no other approvals in the village")
                .isZero();
        // Red ones submitted today: the later the submission, the smaller the id, so the order by
        // instant is the reverse of the worklist's order by id. 07:00 in China is yesterday in UTC.
        UUID redAt11 = id(0x10);
        UUID redAt09 = id(0x50);
        UUID redAt07 = id(0x90);
        inReview(redAt11, "PLAN_REVIEW", "RED", TODAY, 11, VILLAGE, null);
        inReview(redAt07, "PLAN_REVIEW", "RED", TODAY, 7, VILLAGE, null);
        inReview(redAt09, "CLOSURE_REVIEW", "RED", TODAY, 9, VILLAGE, null);
        UUID redYesterday = id(0xF0);
        inReview(redYesterday, "PLAN_REVIEW", "RED", TODAY.minusDays(1), 16, VILLAGE, null);
        UUID orange = id(0x05);
        inReview(orange, "CLOSURE_REVIEW", "ORANGE", TODAY.minusDays(2), 10, VILLAGE, null);
        UUID unknownRisk = id(0x01);
        inReview(unknownRisk, "PLAN_REVIEW", null, TODAY.minusDays(3), 0, VILLAGE, null);
        UUID greenLater = id(0x02);
        inReview(greenLater, "PLAN_REVIEW", "GREEN", TODAY, 23, VILLAGE, null);
        // not on the list: the supervisor's own case, a case in another village, an active case
        inReview(id(0x03), "PLAN_REVIEW", "RED", TODAY, 8, VILLAGE, supervisor);
        inReview(id(0x04), "PLAN_REVIEW", "RED", TODAY, 8, "410225101202", null);
        inReview(id(0x06), "ACTIVE", "RED", TODAY, 8, VILLAGE, null);
        jdbc.update(backfill());

        List<UUID> expected = List.of(redYesterday, redAt11, redAt09, redAt07, orange, greenLater, unknownRisk);
        WorkItemSource.Batch all = source.fetch(actor, TODAY, TODAY.plusDays(7), 100);
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.items()).extracting(WorkItem::caseId).containsExactlyElementsOf(expected);
        assertThat(all.items()).isSortedAccordingTo(WorkItem.ORDER);
        assertThat(all.items().get(3).dueOn()).as("07:00 in China is today").isEqualTo(TODAY);
        assertThat(all.items().get(3).risk()).isEqualTo(RiskLevel.RED);
        assertThat(all.items().get(6).dueOn())
                .as("00:00 in China is the day before in UTC")
                .isEqualTo(TODAY.minusDays(3));
        assertThat(jdbc.queryForObject(
                        "select count(*) from case_file where awaiting_approval_since is not null", Integer.class))
                .as("dated: the cases in review, not the active one")
                .isEqualTo(9);
        for (int limit = 1; limit <= 7; limit++) {
            WorkItemSource.Batch page = source.fetch(actor, TODAY, TODAY.plusDays(7), limit);
            assertThat(page.total()).isEqualTo(7);
            assertThat(page.items())
                    .as("the first %d", limit)
                    .extracting(WorkItem::caseId)
                    .containsExactlyElementsOf(expected.subList(0, limit));
        }
    }

    /**
     * A county's approvals are read in index order from its own range (V36), one risk at a time, and
     * the read stops after the page: no sort of the county's approvals, no other county's entries. A
     * wider jurisdiction walks V34 in order; a township or village reads its range (V33).
     */
    @Test
    void aCountyReadsItsOrderedRangeATownshipItsRange() {
        for (RiskLevel risk : new RiskLevel[] {RiskLevel.RED, null}) {
            String county = plan(ApprovalsWaitingSource.orderedPageSql(risk, true, true), "410225");
            assertThat(county).containsIgnoringCase("ix_case_file_county_approval");
            assertThat(county).as("H2 reads the index in order").containsIgnoringCase("index sorted");
            String city = plan(ApprovalsWaitingSource.orderedPageSql(risk, true, false), "4102%");
            assertThat(city).containsIgnoringCase("ix_case_file_awaiting_approval");
            assertThat(city).as("H2 reads the index in order").containsIgnoringCase("index sorted");
        }
        assertThat(plan(ApprovalsWaitingSource.rangePageSql(), "410225101%"))
                .containsIgnoringCase("ix_case_file_state_region");
        assertThat(plan(ApprovalsWaitingSource.rangePageSql(), VILLAGE + "%"))
                .containsIgnoringCase("ix_case_file_state_region");
    }

    private String plan(String pageSql, String scope) {
        String sql = pageSql.replace("?1", "?").replace("?2", "?") + " LIMIT 50";
        StringBuilder plan = new StringBuilder();
        jdbc.queryForList("EXPLAIN " + sql, scope, bytes(UUID.randomUUID())).forEach(row -> plan.append(row.values()));
        return plan.toString();
    }

    private static UUID id(int high) {
        return new UUID(((long) high) << 56, 42);
    }

    private void inReview(UUID id, String state, String risk, LocalDate day, int hour, String village, UUID worker) {
        UUID client = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                        + " DATE '2016-03-01', ?)",
                bytes(client),
                village);
        jdbc.update(
                "INSERT INTO case_file (id, version, case_number, primary_client_id, region_code, station_id,"
                        + " assigned_worker_id, source, state, risk_level, effective_risk_level, follow_ups_done,"
                        + " opened_at) VALUES (?, 0, ?, ?, ?, ?, ?, 'OUTREACH', ?, ?, ?, 0, CURRENT_TIMESTAMP)",
                bytes(id),
                "A-" + (++numbers) + "-" + UUID.randomUUID().toString().substring(0, 8),
                bytes(client),
                village,
                bytes(UUID.randomUUID()),
                bytes(worker == null ? UUID.randomUUID() : worker),
                state,
                risk,
                risk);
        if (day == null) {
            return;
        }
        LocalDateTime submitted = LocalDateTime.ofInstant(
                day.atTime(LocalTime.of(hour, 0)).atZone(ChinaTime.ZONE).toInstant(), ZoneOffset.UTC);
        List<Object[]> transitions = new ArrayList<>();
        // an earlier entry into the same state (a plan sent back and submitted again): the last counts
        transitions.add(new Object[] {bytes(UUID.randomUUID()), bytes(id), state, submitted.minusDays(5)});
        transitions.add(new Object[] {bytes(UUID.randomUUID()), bytes(id), state, submitted});
        jdbc.batchUpdate(
                "INSERT INTO case_transition (id, case_id, to_state, action, actor, occurred_at)"
                        + " VALUES (?, ?, ?, 'SUBMIT', 'test', ?)",
                transitions);
    }

    /** The UPDATE of V34, as the migration ran it. */
    private static String backfill() {
        try {
            String script = new ClassPathResource("db/migration/V34__case_file_awaiting_approval_since.sql")
                    .getContentAsString(StandardCharsets.UTF_8);
            String code = script.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
            String update = code.substring(code.indexOf("UPDATE case_file"));
            return update.substring(0, update.indexOf(';'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
