package org.casework.core.indicators;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseState;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RiskLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items behind a dashboard figure, with the same predicates as the figure, so "逾期 12" opens
 * exactly those 12. Same access rule as the indicators: a supervisor, inside their jurisdiction.
 */
@Service
@RequiredArgsConstructor
public class IndicatorDrillDown {

    /** The list shows at most this many items, most urgent first; the total is always given. */
    public static final int LIMIT = 500;

    private final IndicatorService indicators;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** The optional narrowing of a figure: a level or severity ("NONE": not yet known), a case state, a worker. */
    public record Filter(String level, String state, UUID worker) {

        public static final Filter NONE = new Filter(null, null, null);
    }

    @Transactional(readOnly = true)
    public DrillDown items(Figure figure, String jurisdiction, LocalDate from, LocalDate to, Filter filter) {
        IndicatorScope scope = indicators.scope(jurisdiction, from, to, Breakdown.REGION);
        Filter f = filter == null ? Filter.NONE : filter;
        Query q = query(figure, scope, f);
        Long total = jdbc.queryForObject("select count(*) " + q.fromWhere, Long.class, q.args.toArray());
        List<Object> args = new ArrayList<>(q.args);
        List<DrillDownItem> items = new ArrayList<>();
        jdbc.query(
                "select " + q.select + " " + q.fromWhere + " order by " + q.order + " limit " + LIMIT,
                rs -> {
                    Object when = rs.getObject(8);
                    items.add(new DrillDownItem(
                            q.kind,
                            Rows.uuid(rs.getBytes(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            china(when, rs.getString(7))));
                },
                args.toArray());
        return new DrillDown(figure, scope.jurisdiction().value(), total == null ? 0 : total, items);
    }

    /** DATE columns are China days already; DATETIME columns are UTC. */
    private static LocalDateTime china(Object when, String type) {
        if (when == null) {
            return null;
        }
        if ("D".equals(type)) {
            return (when instanceof Date d ? d.toLocalDate() : LocalDate.parse(when.toString())).atStartOfDay();
        }
        LocalDateTime utc = when instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) when;
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime();
    }

    private record Query(String kind, String select, String fromWhere, String order, List<Object> args) {}

    private Query query(Figure figure, IndicatorScope scope, Filter f) {
        List<Object> args = new ArrayList<>();
        args.add(scope.pattern());
        Date today = Date.valueOf(scope.today());
        LocalDateTime now = IndicatorScope.nowUtc(clock);
        String clientColumns =
                "c.id, c.full_name, c.residence_region_code, r.name, v.visit_level, null, 'D', v.next_due_on";
        String visits = "from visit_schedule v join client c on c.id = v.client_id"
                + " left join region r on r.code = c.residence_region_code where v.region_code like ?";
        String flagColumns = "f.id, k.full_name, f.village_code, r.name, f.severity, f.status, 'T', f.raised_at";
        String flags = "from flag f left join client k on k.id = coalesce(f.client_id, f.outcome_client_id)"
                + " left join region r on r.code = f.village_code"
                + " where f.village_code like ? and f.raised_at >= ? and f.raised_at < ?";
        String caseColumns = "c.id, c.case_number, c.region_code, r.name,"
                + " coalesce(c.effective_risk_level, c.risk_level), c.state, 'T', c.opened_at";
        String closedColumns = "c.id, c.case_number, c.region_code, r.name,"
                + " coalesce(c.effective_risk_level, c.risk_level), c.state, 'T', c.closed_at";
        String cases = "from case_file c left join region r on r.code = c.region_code where c.region_code like ?";
        String caseOrder = "case coalesce(c.effective_risk_level, c.risk_level) when 'RED' then 0 when 'ORANGE' then 1"
                + " when 'YELLOW' then 2 when 'GREEN' then 3 else 4 end, c.case_number";
        return switch (figure) {
            case VISITS_OVERDUE -> {
                args.add(today);
                yield new Query(
                        "CLIENT",
                        clientColumns,
                        visits + " and v.next_due_on < ?" + level("v.visit_level", f, args),
                        "v.level_rank, v.next_due_on, c.full_name",
                        args);
            }
            case VISITS_DUE_SOON -> {
                args.add(today);
                args.add(Date.valueOf(scope.today().plusDays(VisitIndicators.DUE_SOON_DAYS)));
                yield new Query(
                        "CLIENT",
                        clientColumns,
                        visits + " and v.next_due_on >= ? and v.next_due_on <= ?" + level("v.visit_level", f, args),
                        "v.level_rank, v.next_due_on, c.full_name",
                        args);
            }
            case ELDERLY_NOT_VISITED -> {
                LocalDate monthFrom = scope.to().withDayOfMonth(1).isBefore(scope.from())
                        ? scope.from()
                        : scope.to().withDayOfMonth(1);
                args.add(Date.valueOf(scope.to()));
                args.add(Date.valueOf(monthFrom));
                args.add(IndicatorScope.utc(monthFrom));
                args.add(IndicatorScope.utc(scope.to().plusDays(1)));
                yield new Query(
                        "CLIENT",
                        "c.id, c.full_name, c.residence_region_code, r.name, null, null, 'D', null",
                        "from client c left join region r on r.code = c.residence_region_code"
                                + " where c.residence_region_code like ? and exists (select 1 from client_category k"
                                + " where k.client_id = c.id and k.sub_type = 'SPECIAL_DIFFICULTY_ELDERLY'"
                                + " and k.valid_from <= ? and (k.valid_to is null or k.valid_to >= ?))"
                                + " and not exists (select 1 from service_record s where s.client_id = c.id"
                                + " and s.type = 'HOME_VISIT' and s.voided_at is null and s.occurred_at >= ?"
                                + " and s.occurred_at < ?)",
                        "c.residence_region_code, c.full_name",
                        args);
            }
            case FLAGS_SLA_MISSED -> {
                args.add(scope.fromUtc());
                args.add(scope.toUtcExclusive());
                args.add(now);
                yield new Query(
                        "FLAG",
                        flagColumns,
                        flags + " and ((f.triaged_at is not null and f.triaged_at > f.triage_due_at)"
                                + " or (f.triaged_at is null and f.triage_due_at < ?))" + level("f.severity", f, args),
                        "f.raised_at desc",
                        args);
            }
            case FLAGS_RAISED -> {
                args.add(scope.fromUtc());
                args.add(scope.toUtcExclusive());
                yield new Query("FLAG", flagColumns, flags + level("f.severity", f, args), "f.raised_at desc", args);
            }
            case CASES_OPEN -> {
                String where = cases + " and c.state in " + Rows.OPEN_STATES
                        + level("coalesce(c.effective_risk_level, c.risk_level)", f, args) + state(f, args);
                if (f.worker() != null) {
                    where += " and c.assigned_worker_id = ?";
                    args.add(bytes(f.worker()));
                }
                yield new Query("CASE", caseColumns, where, caseOrder, args);
            }
            case PLANS_OVERDUE -> {
                args.add(today);
                yield new Query(
                        "CASE",
                        caseColumns,
                        cases + " and c.state in " + Rows.OPEN_STATES
                                + " and exists (select 1 from service_plan p where p.case_id = c.id"
                                + " and p.status = 'APPROVED' and p.review_date < ?"
                                + " and not exists (select 1 from service_plan q where q.case_id = p.case_id"
                                + " and q.status = 'APPROVED' and q.version_number > p.version_number))",
                        caseOrder,
                        args);
            }
            case CLOSED_WITHOUT_REASON -> {
                args.add(scope.fromUtc());
                args.add(scope.toUtcExclusive());
                yield new Query(
                        "CASE",
                        closedColumns,
                        cases + " and c.closed_at >= ? and c.closed_at < ? and c.closure_reason is null",
                        "c.closed_at desc",
                        args);
            }
            case FOLLOW_UP_OVERDUE -> {
                args.add(scope.fromUtc());
                args.add(scope.toUtcExclusive());
                args.add(today);
                yield new Query(
                        "CASE",
                        closedColumns,
                        cases + " and c.closed_at >= ? and c.closed_at < ? and c.state = 'CLOSED'"
                                + " and c.first_follow_up_due < ? and c.follow_ups_done = 0",
                        "c.closed_at",
                        args);
            }
        };
    }

    private static final Map<String, String> NO_LEVEL = Map.of("NONE", " is null");

    /** A level or severity filter; "NONE" asks for the cases whose risk is not yet known. */
    private static String level(String column, Filter f, List<Object> args) {
        if (f.level() == null || f.level().isBlank()) {
            return "";
        }
        if (NO_LEVEL.containsKey(f.level())) {
            return " and " + column + NO_LEVEL.get(f.level());
        }
        try {
            args.add(RiskLevel.valueOf(f.level()).name());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("level", "indicators.drillDown.level");
        }
        return " and " + column + " = ?";
    }

    private static String state(Filter f, List<Object> args) {
        if (f.state() == null || f.state().isBlank()) {
            return "";
        }
        try {
            args.add(CaseState.valueOf(f.state()).name());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "indicators.drillDown.state");
        }
        return " and c.state = ?";
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
