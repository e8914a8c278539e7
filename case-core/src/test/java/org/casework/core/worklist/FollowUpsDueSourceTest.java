package org.casework.core.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Follow-ups (回访) fall due a month and three months after closure: too late for an HTTP test. */
@SpringBootTest
@Transactional
class FollowUpsDueSourceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private FollowUpsDueSource source;

    @Test
    void listsTheWorkersOwnFollowUpsDueByTheHorizon() {
        UUID worker = UUID.randomUUID();
        Actor actor = new Actor(worker, "w", Role.STATION_WORKER, new RegionCode("410225101"), null);
        UUID soon = closedCase(worker, "CLOSED", TODAY.plusDays(3), TODAY.plusMonths(2), "RED");
        UUID late = closedCase(worker, "FOLLOW_UP", TODAY.minusMonths(2), TODAY.minusDays(1), "GREEN");
        closedCase(worker, "CLOSED", TODAY.plusDays(20), TODAY.plusMonths(3), "RED");
        closedCase(UUID.randomUUID(), "CLOSED", TODAY, TODAY.plusMonths(2), "RED");
        closedCase(worker, "ARCHIVED", TODAY.minusDays(3), TODAY.minusDays(3), "RED");

        WorkItemSource.Batch batch = source.fetch(actor, TODAY, TODAY.plusDays(7), 10);

        assertThat(batch.total()).isEqualTo(2);
        List<WorkItem> items = batch.items();
        assertThat(items).extracting(WorkItem::caseId).containsExactly(soon, late);
        assertThat(items.get(0).dueOn()).isEqualTo(TODAY.plusDays(3));
        assertThat(items.get(0).overdue()).isFalse();
        assertThat(items.get(1).dueOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(items.get(1).overdue()).isTrue();
        assertThat(items).allSatisfy(i -> assertThat(i.kind()).isEqualTo(WorkItemKind.FOLLOW_UP_DUE));
        assertThat(source.fetch(actor, TODAY, TODAY.plusDays(7), 1).items()).hasSize(1);
    }

    private UUID closedCase(UUID worker, String state, LocalDate first, LocalDate second, String risk) {
        UUID client = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                        + " DATE '2016-03-01', '410225101201')",
                (Object) bytes(client));
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO case_file (id, version, case_number, primary_client_id, region_code, station_id,"
                        + " assigned_worker_id, source, state, risk_level, effective_risk_level, first_follow_up_due, second_follow_up_due,"
                        + " follow_ups_done, opened_at) VALUES (?, 0, ?, ?, '410225101201', ?, ?, 'OUTREACH', ?, ?,"
                        + " ?, ?, ?, 0, CURRENT_TIMESTAMP)",
                bytes(id),
                "T-" + NUMBERS.incrementAndGet() + "-" + id.toString().substring(0, 8),
                bytes(client),
                bytes(UUID.randomUUID()),
                bytes(worker),
                state,
                risk,
                risk,
                first,
                second);
        return id;
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
