package org.casework.core.indicators;

import java.sql.Date;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Registry data quality, and full views of identifiers outside the viewer's own caseload. */
@Component
@RequiredArgsConstructor
class RegistryIndicators {

    private final JdbcTemplate jdbc;
    private final IndicatorSettings settings;

    /**
     * One pass over the jurisdiction's clients: the guardian and the untouched checks are existence
     * tests on the client's own categories and services, answered from their indexes.
     */
    Indicators.DataQuality dataQuality(IndicatorScope scope, LocalDateTime nowUtc) {
        int days = settings.getUntouchedDays();
        LocalDateTime cutoff = nowUtc.minusDays(days);
        long[] counts = new long[5];
        // Untouched: nobody edited the record and no service was recorded for the client since the cutoff.
        jdbc.query(
                "select count(*), sum(case when c.id_number_hash is null then 1 else 0 end),"
                        + " sum(case when c.id_number_hash is null and c.no_id_reason_enc is null then 1 else 0 end),"
                        + " sum(case when c.guardian_name_enc is null and exists (select 1 from client_category k"
                        + " where k.client_id = c.id and k.type in ('LEFT_BEHIND_CHILD', 'CHILD_IN_DIFFICULTY')"
                        + " and (k.valid_to is null or k.valid_to >= ?)) then 1 else 0 end),"
                        + " sum(case when coalesce(c.updated_at, c.created_at) < ? and not exists (select 1"
                        + " from service_record s where s.client_id = c.id and s.voided_at is null"
                        + " and s.occurred_at >= ?) then 1 else 0 end)"
                        + " from client c where c.residence_region_code like ?",
                rs -> {
                    for (int i = 0; i < 5; i++) {
                        counts[i] = Rows.number(rs, i + 1);
                    }
                },
                Date.valueOf(scope.today()),
                cutoff,
                cutoff,
                scope.pattern());
        return new Indicators.DataQuality(counts[0], counts[1], counts[2], counts[3], counts[4], days);
    }

    /**
     * Reveals of the jurisdiction's clients in the period per user; "outside caseload" when the
     * client is the primary client of no case assigned to that user.
     */
    List<Indicators.UserReveals> reveals(IndicatorScope scope) {
        Map<String, long[]> perUser = new LinkedHashMap<>();
        // One pass over the period's reveals: the caseload check is an existence test per reveal.
        jdbc.query(
                "select a.actor, count(*), sum(case when not exists (select 1 from case_file c"
                        + " where c.primary_client_id = a.client_id and c.assigned_worker_id = a.actor_id)"
                        + " then 1 else 0 end)"
                        + " from sensitive_access a join client k on k.id = a.client_id"
                        + " where k.residence_region_code like ? and a.outcome = 'REVEALED'"
                        + " and a.occurred_at >= ? and a.occurred_at < ? group by a.actor",
                rs -> {
                    long[] n = perUser.computeIfAbsent(rs.getString(1), k -> new long[2]);
                    n[0] = Rows.number(rs, 2);
                    n[1] = Rows.number(rs, 3);
                },
                scope.pattern(),
                scope.fromUtc(),
                scope.toUtcExclusive());
        List<Indicators.UserReveals> rows = new ArrayList<>();
        perUser.forEach((user, n) -> rows.add(new Indicators.UserReveals(user, n[0], n[1])));
        rows.sort(Comparator.comparing(Indicators.UserReveals::outsideCaseload)
                .reversed()
                .thenComparing(Indicators.UserReveals::username));
        return rows;
    }
}
