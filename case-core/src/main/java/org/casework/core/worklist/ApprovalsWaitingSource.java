package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseState;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.shared.RegionLevel;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Plans and closures in the supervisor's jurisdiction waiting for a decision, dated by the day they
 * were submitted. Cases assigned to the supervisor are left out: someone else must approve those.
 * Approvals have no deadline yet, so they are never marked overdue.
 *
 * <p>A county has thousands of them, so the database counts them and returns only the first
 * {@code limit} in {@link WorkItem#ORDER} (issue 14): risk, then the submission day, then id. The day
 * is kept on the case ({@code awaiting_approval_since}, V34, set by the case on every transition), so
 * the database orders by stored columns in exactly the worklist's order ({@link #orderedPageSql},
 * {@link #rangePageSql}).
 */
@Component
@RequiredArgsConstructor
class ApprovalsWaitingSource implements WorkItemSource {

    private static final List<CaseState> IN_REVIEW = List.of(CaseState.PLAN_REVIEW, CaseState.CLOSURE_REVIEW);

    /**
     * The count reads V33 alone: a case's primary client is never deleted, so joining it (as
     * {@link #complete} does for the page's names) would only read a client row per approval (17 ms
     * for a county at 1,000,000 clients instead of 3).
     */
    private static final String WAITING = " from CaseFile c"
            + " where c.regionCode like :scope and c.state in :review"
            + " and (c.assignedWorkerId is null or c.assignedWorkerId <> :me)";

    /** Risk levels in {@link WorkItem#ORDER}: most urgent first, unknown (null) last. */
    private static final List<RiskLevel> RISK_ORDER = new ArrayList<>(Arrays.asList(RiskLevel.values()));

    static {
        RISK_ORDER.add(null);
    }

    private final EntityManager entityManager;
    private final DatabaseKind database;

    @Override
    public WorkItemKind kind() {
        return WorkItemKind.APPROVAL_WAITING;
    }

    @Override
    public boolean appliesTo(Actor actor) {
        return actor.has(Permission.SUPERVISE_CASES);
    }

    @Override
    public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
        Long total = entityManager
                .createQuery("select count(c)" + WAITING, Long.class)
                .setParameter("scope", actor.scopePattern())
                .setParameter("review", IN_REVIEW)
                .setParameter("me", actor.userId())
                .getSingleResult();
        if (total == 0 || limit == 0) {
            return new Batch(List.of(), total);
        }
        List<WorkItem> page = new ArrayList<>();
        RegionLevel level = actor.jurisdiction().level();
        if (level.compareTo(RegionLevel.COUNTY) > 0) {
            page.addAll(rows(rangePageSql(), actor.scopePattern(), actor, limit));
        } else {
            boolean county = level == RegionLevel.COUNTY;
            String scope = county ? actor.jurisdiction().value() : actor.scopePattern();
            for (RiskLevel risk : RISK_ORDER) {
                page.addAll(rows(orderedPageSql(risk, database.isH2(), county), scope, actor, limit - page.size()));
                if (page.size() >= limit) {
                    break;
                }
            }
        }
        return new Batch(page, total);
    }

    /** What the order needs; the case number and the client are read for the page ({@link #complete}). */
    private static final String COLUMNS =
            "SELECT c.id, c.effective_risk_level, c.region_code, c.awaiting_approval_since FROM case_file c";
    /** Follows the jurisdiction's condition ({@code ?1}). */
    private static final String IN_REVIEW_SQL = " AND c.state IN ('PLAN_REVIEW', 'CLOSURE_REVIEW')"
            + " AND c.awaiting_approval_since IS NOT NULL"
            + " AND (c.assigned_worker_id IS NULL OR c.assigned_worker_id <> ?2)";

    /**
     * A county's (or wider) page of one risk level (null: unknown) in {@link WorkItem#ORDER}, read in
     * index order, so the database stops after the page instead of sorting every approval of the
     * county; the caller asks level after level until the page is full. A county reads its own range
     * of V36 {@code (approval_county_code, effective_risk_level, awaiting_approval_since, id,
     * region_code, assigned_worker_id)}, {@code ?1} being its code (the column is the county of a case
     * waiting for approval, null otherwise, so no case out of review is ever passed); a wider jurisdiction walks V34 (the same
     * columns without the county) and checks its prefix {@code ?1} in the index. Either way the worker
     * is checked in the index. H2 sees the index as sorted only when the ORDER BY starts with the
     * columns held constant (county, risk); MariaDB, given them, sorts for {@code IS NULL} (only
     * {@code =} makes a constant there) and, through connections whose collation is not the table's,
     * for the county too (see {@link VisitsDueSource#pageSql}), so they are named for H2 alone. Same
     * rows, same order.
     */
    static String orderedPageSql(RiskLevel risk, boolean h2, boolean county) {
        String ofRisk = risk == null
                ? " AND c.effective_risk_level IS NULL"
                : " AND c.effective_risk_level = '" + risk.name() + "'";
        String range = county
                ? " USE INDEX (ix_case_file_county_approval) WHERE c.approval_county_code = ?1"
                : " USE INDEX (ix_case_file_awaiting_approval) WHERE c.region_code LIKE ?1";
        String constants = county ? "c.approval_county_code, c.effective_risk_level, " : "c.effective_risk_level, ";
        return COLUMNS + range + IN_REVIEW_SQL + ofRisk + " ORDER BY " + (h2 ? constants : "")
                + "c.awaiting_approval_since, c.id";
    }

    /**
     * A township's or village's page: its few cases in review read from V33 {@code (state, region_code,
     * ...)} and sorted; at province scale an ordered walk of V34 would pass every other township's
     * approvals.
     */
    static String rangePageSql() {
        return COLUMNS + " USE INDEX (ix_case_file_state_region) WHERE c.region_code LIKE ?1"
                + IN_REVIEW_SQL
                + " ORDER BY CASE c.effective_risk_level WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1"
                + " WHEN 'YELLOW' THEN 2 WHEN 'GREEN' THEN 3 ELSE 4 END, c.awaiting_approval_since, c.id";
    }

    private List<WorkItem> rows(String sql, String scope, Actor actor, int limit) {
        List<?> rows = entityManager
                .createNativeQuery(sql)
                .setParameter(1, scope)
                .setParameter(2, bytes(actor.userId()))
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(Object[].class::cast)
                .map(ApprovalsWaitingSource::item)
                .toList();
    }

    private static WorkItem item(Object[] row) {
        return new WorkItem(
                WorkItemKind.APPROVAL_WAITING,
                null,
                null,
                NativeColumns.uuid(row[0]),
                null,
                (String) row[2],
                row[1] == null ? null : RiskLevel.valueOf((String) row[1]),
                NativeColumns.date(row[3]),
                false);
    }

    /**
     * The page's approvals with their case numbers and clients: one read of the page's few cases. A
     * county's page 20 reads 1,050 approvals in order, of which the page may keep none.
     */
    @Override
    public List<WorkItem> complete(List<WorkItem> items) {
        Map<UUID, Object[]> cases = new HashMap<>();
        entityManager
                .createQuery(
                        "select c.id, c.caseNumber, c.primaryClientId, cl.fullName from CaseFile c"
                                + " join Client cl on cl.id = c.primaryClientId where c.id in :ids",
                        Object[].class)
                .setParameter("ids", items.stream().map(WorkItem::caseId).toList())
                .getResultList()
                .forEach(row -> cases.put((UUID) row[0], row));
        return items.stream()
                .map(item -> {
                    Object[] row = cases.get(item.caseId());
                    return item.completed((UUID) row[2], (String) row[3], (String) row[1]);
                })
                .toList();
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
