package org.casework.core.visits;

import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.Client;
import org.casework.core.services.ServiceType;
import org.casework.core.shared.RiskLevel;
import org.hibernate.jpa.HibernateHints;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes the visit schedules of a batch of clients (up to {@link #SIZE}) set-based: about seven
 * queries load everything the rules read for the whole batch (the clients with their categories,
 * their cases, untriaged flags and standalone assessments, each client's last visit, the rows as
 * they are), then {@link VisitScheduleService#due} computes each client's row in memory, the same
 * function the per-client refresh uses. Only rows whose content changed are written (JDBC batch
 * updates and inserts), so a nightly rerun over an unchanged county writes nothing; each written
 * row publishes {@link VisitScheduleChanged}, as the per-client refresh does, so devices are told.
 * Runs in the caller's transaction.
 */
@Component
@RequiredArgsConstructor
class VisitScheduleBatch {

    /** Clients per batch (and per transaction). */
    static final int SIZE = 500;

    private static final String VISIT_TYPES =
            ServiceType.VISITS.stream().map(t -> "'" + t.name() + "'").sorted().collect(Collectors.joining(","));

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final VisitScheduleService schedules;
    private final RiskSignals riskSignals;
    private final ApplicationEventPublisher events;

    /** Recomputes the rows of these clients (those that no longer exist are skipped); returns how many rows it wrote. */
    int refresh(List<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return 0;
        }
        LocalDate today = schedules.today();
        Instant now = schedules.now();
        List<Client> clients = entityManager
                .createQuery(
                        "select distinct c from Client c left join fetch c.categories where c.id in :ids order by c.id",
                        Client.class)
                .setParameter("ids", clientIds)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        Map<UUID, Instant> lastVisits = lastVisits(clientIds);
        Map<UUID, List<RiskSignal>> signals = riskSignals.of(clientIds);
        Map<UUID, VisitSchedule.Content> existing = existingRows(clientIds);

        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<VisitScheduleChanged> changed = new ArrayList<>();
        for (Client client : clients) {
            UUID id = client.getId();
            VisitDue due = schedules.due(client, lastVisits.get(id), signals.getOrDefault(id, List.of()), today);
            VisitSchedule.Content content = VisitSchedule.Content.of(client.getResidenceRegionCode(), due);
            VisitSchedule.Content before = existing.get(id);
            if (content.equals(before)) {
                continue;
            }
            if (before == null) {
                inserts.add(columns(content, now, id));
            } else {
                updates.add(columns(content, now, id));
            }
            changed.add(
                    new VisitScheduleChanged(id, content.regionCode(), before == null ? null : before.regionCode()));
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE visit_schedule SET region_code = ?, visit_level = ?, level_rank = ?, last_visit_on = ?,"
                            + " next_due_on = ?, due_rule = ?, level_source = ?, level_reference = ?,"
                            + " level_triggers = ?, refreshed_at = ? WHERE client_id = ?",
                    updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO visit_schedule (region_code, visit_level, level_rank, last_visit_on, next_due_on,"
                            + " due_rule, level_source, level_reference, level_triggers, refreshed_at, client_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
        }
        // Rows written behind JPA's back: a VisitSchedule this persistence context holds is stale now.
        entityManager.clear();
        changed.forEach(events::publishEvent);
        return changed.size();
    }

    /**
     * Each client's last visit that counts, in one grouped query over the batch's id range (its
     * lowest to its highest id in the database's byte order), the leading column of the index
     * (client_id, type, voided_at, occurred_at): a range the planner reads from the index on both
     * databases, where an IN list of 500 ids made H2 scan every service record for each batch. The
     * hint keeps the planner on that index; H2 and MariaDB both read {@code USE INDEX}. A range may
     * hold clients outside the batch (the startup pass skips those that have a row): they are dropped.
     */
    private Map<UUID, Instant> lastVisits(List<UUID> clientIds) {
        List<byte[]> ids = clientIds.stream().map(VisitScheduleBatch::bytes).toList();
        byte[] lowest = ids.stream().min(Arrays::compareUnsigned).orElseThrow();
        byte[] highest = ids.stream().max(Arrays::compareUnsigned).orElseThrow();
        Set<UUID> wanted = new HashSet<>(clientIds);
        Map<UUID, Instant> last = new HashMap<>();
        jdbc.query(
                "SELECT client_id, MAX(occurred_at) FROM service_record USE INDEX (ix_service_record_client_visit)"
                        + " WHERE client_id >= ? AND client_id <= ?"
                        + " AND type IN (" + VISIT_TYPES + ") AND voided_at IS NULL GROUP BY client_id",
                rs -> {
                    UUID client = uuid(rs.getBytes(1));
                    // DATETIME columns hold UTC (hibernate.jdbc.time_zone), whatever the JVM's zone
                    LocalDateTime at = rs.getObject(2, LocalDateTime.class);
                    if (at != null && wanted.contains(client)) {
                        last.put(client, at.toInstant(ZoneOffset.UTC));
                    }
                },
                lowest,
                highest);
        return last;
    }

    private Map<UUID, VisitSchedule.Content> existingRows(List<UUID> clientIds) {
        Map<UUID, VisitSchedule.Content> rows = new HashMap<>();
        jdbc.query(
                "SELECT client_id, region_code, visit_level, level_rank, last_visit_on, next_due_on, due_rule,"
                        + " level_source, level_reference, level_triggers FROM visit_schedule"
                        + " WHERE client_id IN (" + placeholders(clientIds.size()) + ")",
                rs -> {
                    rows.put(uuid(rs.getBytes(1)), content(rs));
                },
                ids(clientIds));
        return rows;
    }

    private static VisitSchedule.Content content(ResultSet rs) throws SQLException {
        String source = rs.getString(8);
        return new VisitSchedule.Content(
                rs.getString(2),
                RiskLevel.valueOf(rs.getString(3)),
                rs.getInt(4),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                DueRule.valueOf(rs.getString(7)),
                source == null ? null : LevelSource.valueOf(source),
                rs.getString(9),
                rs.getString(10));
    }

    private static Object[] columns(VisitSchedule.Content c, Instant now, UUID clientId) {
        return new Object[] {
            c.regionCode(),
            c.level().name(),
            c.levelRank(),
            c.lastVisitOn(),
            c.nextDueOn(),
            c.dueRule().name(),
            c.levelSource() == null ? null : c.levelSource().name(),
            c.levelReference(),
            c.levelTriggers(),
            LocalDateTime.ofInstant(now, ZoneOffset.UTC),
            bytes(clientId)
        };
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static Object[] ids(List<UUID> clientIds) {
        return clientIds.stream().map(VisitScheduleBatch::bytes).toArray();
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static UUID uuid(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw);
        return new UUID(b.getLong(), b.getLong());
    }
}
