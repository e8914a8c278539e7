package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.shared.RegionLevel;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Clients of the jurisdiction whose next visit is due by the horizon (overdue ones included): a
 * range on visit_schedule's indexes, never the rules per client. The count reads that range up to
 * {@link WorklistService#COUNT_LIMIT} entries. The page of a county is read in the worklist's order
 * from the county's range of the V36 index (county, level, due day, client id), so the database
 * stops after the page instead of sorting the whole county (issue 14); the page of a township or
 * village is read by the region range and its few rows sorted; a wider jurisdiction walks the
 * ordered V32 index ({@link #pageSql}).
 */
@Component
@RequiredArgsConstructor
class VisitsDueSource implements WorkItemSource {

    private final EntityManager entityManager;
    private final DatabaseKind database;

    @Override
    public WorkItemKind kind() {
        return WorkItemKind.VISIT_DUE;
    }

    @Override
    public boolean appliesTo(Actor actor) {
        return actor.has(Permission.READ_CLIENTS);
    }

    @Override
    public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
        RegionLevel level = actor.jurisdiction().level();
        long total = ((Number) entityManager
                        .createNativeQuery(countSql(level))
                        .setParameter(1, scope(actor))
                        .setParameter(2, horizon)
                        .setParameter(3, WorklistService.COUNT_LIMIT)
                        .getSingleResult())
                .longValue();
        if (total == 0 || limit == 0) {
            return new Batch(List.of(), total);
        }
        List<?> rows = entityManager
                .createNativeQuery(pageSql(level, database.isH2()))
                .setParameter(1, scope(actor))
                .setParameter(2, horizon)
                .setParameter(3, limit)
                .getResultList();
        List<WorkItem> items = rows.stream()
                .map(Object[].class::cast)
                .map(row -> {
                    LocalDate due = NativeColumns.date(row[2]);
                    return new WorkItem(
                            WorkItemKind.VISIT_DUE,
                            NativeColumns.uuid(row[0]),
                            null,
                            null,
                            null,
                            (String) row[3],
                            RiskLevel.valueOf((String) row[1]),
                            due,
                            due.isBefore(today));
                })
                .toList();
        return new Batch(items, total);
    }

    /** The page's visits with their clients' names: one read of the page's few clients. */
    @Override
    public List<WorkItem> complete(List<WorkItem> items) {
        Map<UUID, String> names = new HashMap<>();
        entityManager
                .createQuery("select c.id, c.fullName from Client c where c.id in :ids", Object[].class)
                .setParameter("ids", items.stream().map(WorkItem::clientId).toList())
                .getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return items.stream()
                .map(item -> item.completed(item.clientId(), names.get(item.clientId()), null))
                .toList();
    }

    /** The page query's {@code ?1}: a county's code (V36 column) or the jurisdiction's prefix pattern. */
    static String scope(Actor actor) {
        return actor.jurisdiction().level() == RegionLevel.COUNTY
                ? actor.jurisdiction().value()
                : actor.scopePattern();
    }

    /**
     * The page query for a jurisdiction of the given level, with the index it must read: the two
     * databases disagree when left alone. A township or village reads its own range of the region
     * index and sorts its few rows, a cost bounded by its size (MariaDB otherwise walked an ordered
     * index across every county in the database; H2 otherwise sorted the whole county). A county reads
     * its own range of the county index (V36) in the worklist's order, skipping in the index the
     * entries not due yet: the database stops after the page, and the other counties' entries are
     * never read. A wider jurisdiction walks the ordered V32 index and checks the prefix. H2 (MySQL
     * mode) and MariaDB both read {@code USE INDEX}. Same rows, same order either way.
     *
     * <p>The {@code ?3} rows are read from the schedule's index alone: every index holds all the
     * columns the order needs (V35, V36), so a township's ~4,000 entries are sorted without reading
     * their rows (30-40 ms at 1,000,000 clients on MariaDB before, 3-9 ms after), and the clients'
     * names are read only for the rows the page keeps ({@link #complete}): a county's page 20 reads
     * 1,050 entries, of which the page may keep none.
     *
     * <p>{@code ?1} is {@link #scope}: the county's code for a county, the prefix pattern otherwise.
     */
    static String pageSql(RegionLevel level, boolean h2) {
        String order = " ORDER BY s.level_rank, s.next_due_on, s.client_id";
        if (level == RegionLevel.COUNTY && h2) {
            // H2 sees the index as sorted only with the constant county first. MariaDB sees it
            // without; with it, when the connection's collation is not the column's (the server's
            // default against the table's), it no longer takes the county for a constant and sorts
            // the whole county (31 ms instead of 1 at 1,000,000 clients).
            order = " ORDER BY s.county_code, s.level_rank, s.next_due_on, s.client_id";
        }
        return "SELECT s.client_id, s.visit_level, s.next_due_on, s.region_code FROM visit_schedule s" + range(level)
                + order + " LIMIT ?3";
    }

    /**
     * How many visits are due, counted up to {@code ?3} ({@link WorklistService#COUNT_LIMIT}): the
     * list cannot be paged further, and an exact count reads every due entry of the jurisdiction (a
     * county's 36,000 of 50,000 clients in the benchmark: 17-20 ms on MariaDB at 1,000,000 clients,
     * against 4-7 ms up to the limit). The same index range as the page.
     */
    static String countSql(RegionLevel level) {
        return "SELECT COUNT(*) FROM (SELECT 1 FROM visit_schedule s" + range(level) + " LIMIT ?3) t";
    }

    /** The jurisdiction's entries due by the horizon ({@code ?2}), from the index meant for its level. */
    private static String range(RegionLevel level) {
        String where;
        if (level.compareTo(RegionLevel.COUNTY) > 0) {
            where = " USE INDEX (ix_visit_schedule_region_due) WHERE s.region_code LIKE ?1";
        } else if (level == RegionLevel.COUNTY) {
            where = " USE INDEX (ix_visit_schedule_county) WHERE s.county_code = ?1";
        } else {
            where = " USE INDEX (ix_visit_schedule_worklist) WHERE s.region_code LIKE ?1";
        }
        return where + " AND s.next_due_on <= ?2";
    }
}
