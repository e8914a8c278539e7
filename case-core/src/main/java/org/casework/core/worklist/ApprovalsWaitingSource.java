package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * the database orders by stored columns in exactly the worklist's order ({@link #pageSql}).
 */
@Component
@RequiredArgsConstructor
class ApprovalsWaitingSource implements WorkItemSource {

    private static final List<CaseState> IN_REVIEW = List.of(CaseState.PLAN_REVIEW, CaseState.CLOSURE_REVIEW);

    private static final String WAITING = " from CaseFile c join Client cl on cl.id = c.primaryClientId"
            + " where c.regionCode like :scope and c.state in :review"
            + " and (c.assignedWorkerId is null or c.assignedWorkerId <> :me)";

    /** Risk levels in {@link WorkItem#ORDER}: most urgent first, unknown (null) last. */
    private static final List<RiskLevel> RISK_ORDER = new ArrayList<>(Arrays.asList(RiskLevel.values()));

    static {
        RISK_ORDER.add(null);
    }

    private final EntityManager entityManager;

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
        if (actor.jurisdiction().level().compareTo(RegionLevel.COUNTY) > 0) {
            page.addAll(rows(pageSql(actor.jurisdiction().level(), null, false), actor, limit));
        } else {
            for (RiskLevel risk : RISK_ORDER) {
                page.addAll(
                        rows(pageSql(actor.jurisdiction().level(), risk, risk == null), actor, limit - page.size()));
                if (page.size() >= limit) {
                    break;
                }
            }
        }
        return new Batch(page, total);
    }

    /**
     * The page query for a jurisdiction of the given level, in {@link WorkItem#ORDER}, with the index
     * it must read. A county (or wider) is read one risk level at a time (the caller stops once the
     * page is full) from V34 {@code (effective_risk_level, awaiting_approval_since, id, region_code,
     * assigned_worker_id)} in index order, the jurisdiction and the worker checked in the index, so
     * the database stops after the page instead of sorting every approval of the county. A township or
     * village reads its own few cases in review from V33 {@code (state, region_code, ...)} and sorts
     * them: at province scale an ordered walk would pass every other township's approvals. The order
     * by the risk column as well is a no-op for one level, but lets H2 see that the index is sorted.
     *
     * @param risk the level of a county's query (with {@code unknownRisk} for null); unused for a
     *     township or village, whose query takes every level
     */
    static String pageSql(RegionLevel level, RiskLevel risk, boolean unknownRisk) {
        String columns = "SELECT c.id, c.case_number, c.primary_client_id, cl.full_name, c.effective_risk_level,"
                + " c.region_code, c.awaiting_approval_since FROM case_file c";
        String waiting = " JOIN client cl ON cl.id = c.primary_client_id"
                + " WHERE c.region_code LIKE ?1 AND c.state IN ('PLAN_REVIEW', 'CLOSURE_REVIEW')"
                + " AND c.awaiting_approval_since IS NOT NULL"
                + " AND (c.assigned_worker_id IS NULL OR c.assigned_worker_id <> ?2)";
        if (level.compareTo(RegionLevel.COUNTY) > 0) {
            return columns + " USE INDEX (ix_case_file_state_region)" + waiting
                    + " ORDER BY CASE c.effective_risk_level WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1"
                    + " WHEN 'YELLOW' THEN 2 WHEN 'GREEN' THEN 3 ELSE 4 END, c.awaiting_approval_since, c.id";
        }
        String ofRisk = unknownRisk
                ? " AND c.effective_risk_level IS NULL"
                : " AND c.effective_risk_level = '" + risk.name() + "'";
        return columns + " USE INDEX (ix_case_file_awaiting_approval)" + waiting + ofRisk
                + " ORDER BY c.effective_risk_level, c.awaiting_approval_since, c.id";
    }

    private List<WorkItem> rows(String sql, Actor actor, int limit) {
        List<?> rows = entityManager
                .createNativeQuery(sql)
                .setParameter(1, actor.scopePattern())
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
                uuid(row[2]),
                (String) row[3],
                uuid(row[0]),
                (String) row[1],
                (String) row[5],
                row[4] == null ? null : RiskLevel.valueOf((String) row[4]),
                date(row[6]),
                false);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static UUID uuid(Object column) {
        if (column instanceof UUID id) {
            return id;
        }
        ByteBuffer bytes = ByteBuffer.wrap((byte[]) column);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static LocalDate date(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }
}
