package org.casework.core.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Clients that reached the database without an event (imports, the first start after V5) get a row. */
@SpringBootTest
class VisitScheduleMaintenanceTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private VisitScheduleMaintenance maintenance;

    @Test
    void fillsTheClientsWithoutAScheduleInBatchesAndRecomputesAllAtNight() {
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            UUID id = UUID.randomUUID();
            insertClientWithoutSchedule(id);
            clients.add(id);
        }

        // Other tests of this context may have left clients too: they are filled alike.
        assertThat(maintenance.run(true)).isGreaterThanOrEqualTo(450);
        for (UUID client : clients) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from visit_schedule where client_id = ?", Integer.class, (Object)
                                    bytes(client)))
                    .isOne();
        }
        assertThat(jdbc.queryForObject("select due_rule from visit_schedule where client_id = ?", String.class, (Object)
                        bytes(clients.get(0))))
                .isEqualTo("FIRST_VISIT");
        assertThat(maintenance.run(true)).isZero();
        assertThat(maintenance.run(false)).isGreaterThanOrEqualTo(450);
    }

    /** A start with every client scheduled skips the walk; one client without a schedule needs it. */
    @Test
    void theStartUpWalkRunsOnlyWhenSomeClientMayLackASchedule() {
        maintenance.run(true);
        assertThat(maintenance.someClientMayLackASchedule()).isFalse();

        UUID id = UUID.randomUUID();
        insertClientWithoutSchedule(id);
        assertThat(maintenance.someClientMayLackASchedule()).isTrue();

        maintenance.backfillMissing();
        assertThat(jdbc.queryForObject(
                        "select count(*) from visit_schedule where client_id = ?", Integer.class, (Object) bytes(id)))
                .isOne();
        assertThat(maintenance.someClientMayLackASchedule()).isFalse();
    }

    /** A client written straight to the table, as an import would: no event, so no schedule. */
    private void insertClientWithoutSchedule(UUID id) {
        jdbc.update(
                "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                        + " DATE '2016-03-01', '410225101201')",
                (Object) bytes(id));
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
