package org.casework.core.indicators;

import java.sql.Date;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Registry data quality, and full views of identifiers outside the viewer's own caseload. */
@Component
@RequiredArgsConstructor
class RegistryIndicators {

    /** Children (left-behind or in difficulty, current category) without a guardian: client c, category k; ? today. */
    static final String CHILD_WITHOUT_GUARDIAN =
            "k.type in ('LEFT_BEHIND_CHILD', 'CHILD_IN_DIFFICULTY') and (k.valid_to is null or k.valid_to >= ?)"
                    + " and c.guardian_name_enc is null";

    /**
     * Untouched: nobody edited the record and no service (not voided) was recorded for the client
     * since the cutoff (both ? the cutoff); client c.
     */
    static final String UNTOUCHED = "coalesce(c.updated_at, c.created_at) < ?"
            + " and not exists (select 1 from service_record s where s.client_id = c.id"
            + " and s.voided_at is null and s.occurred_at >= ?)";

    private final JdbcTemplate jdbc;
    private final IndicatorSettings settings;
    private final IndicatorSnapshot snapshot;

    /**
     * From the snapshot when there is one taken with the current untouched-days setting (a sum over
     * the jurisdiction's regions); live otherwise (before the first refresh).
     */
    Indicators.DataQuality dataQuality(IndicatorScope scope, LocalDateTime nowUtc) {
        int days = settings.getUntouchedDays();
        Optional<IndicatorSnapshot.State> state = snapshot.state().filter(s -> s.untouchedDays() == days);
        if (state.isPresent()) {
            long[] n = new long[5];
            jdbc.query(
                    "select sum(clients), sum(missing_id), sum(missing_id_without_reason),"
                            + " sum(children_without_guardian), sum(untouched)"
                            + " from indicator_region_quality where region_code like ?",
                    rs -> {
                        for (int i = 0; i < 5; i++) {
                            n[i] = Rows.number(rs, i + 1);
                        }
                    },
                    scope.pattern());
            return new Indicators.DataQuality(
                    n[0],
                    n[1],
                    n[2],
                    n[3],
                    n[4],
                    days,
                    state.get().refreshedAt().toInstant(ZoneOffset.UTC));
        }
        return dataQualityLive(scope, nowUtc);
    }

    /** The same figures straight from the registry (one pass over the jurisdiction's clients each). */
    Indicators.DataQuality dataQualityLive(IndicatorScope scope, LocalDateTime nowUtc) {
        long[] counts = new long[3];
        jdbc.query(
                "select count(*), sum(case when c.id_number_hash is null then 1 else 0 end),"
                        + " sum(case when c.id_number_hash is null and c.no_id_reason_enc is null then 1 else 0 end)"
                        + " from client c where c.residence_region_code like ?",
                rs -> {
                    for (int i = 0; i < 3; i++) {
                        counts[i] = Rows.number(rs, i + 1);
                    }
                },
                scope.pattern());
        Long withoutGuardian = jdbc.queryForObject(
                "select count(distinct c.id) from client c join client_category k on k.client_id = c.id"
                        + " where c.residence_region_code like ? and " + CHILD_WITHOUT_GUARDIAN,
                Long.class,
                scope.pattern(),
                Date.valueOf(scope.today()));
        int days = settings.getUntouchedDays();
        LocalDateTime cutoff = nowUtc.minusDays(days);
        Long untouched = jdbc.queryForObject(
                "select count(*) from client c where c.residence_region_code like ? and " + UNTOUCHED,
                Long.class,
                scope.pattern(),
                cutoff,
                cutoff);
        return new Indicators.DataQuality(
                counts[0],
                counts[1],
                counts[2],
                withoutGuardian == null ? 0 : withoutGuardian,
                untouched == null ? 0 : untouched,
                days,
                null);
    }

    /**
     * Reveals of the jurisdiction's clients in the period per user; "outside caseload" when the
     * client is the primary client of no case assigned to that user.
     */
    List<Indicators.UserReveals> reveals(IndicatorScope scope) {
        Map<String, long[]> perUser = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        String joins = " from sensitive_access a join client k on k.id = a.client_id";
        String where = " where k.residence_region_code like ? and a.outcome = 'REVEALED'"
                + " and a.occurred_at >= ? and a.occurred_at < ?";
        String from = joins + where;
        jdbc.query(
                "select a.actor, max(u.display_name), count(*)" + joins
                        + " left join user_account u on u.username = a.actor" + where + " group by a.actor",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                    perUser.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = Rows.number(rs, 3);
                },
                scope.pattern(),
                scope.fromUtc(),
                scope.toUtcExclusive());
        jdbc.query(
                "select a.actor, count(*)" + from
                        + " and not exists (select 1 from case_file c where c.primary_client_id = a.client_id"
                        + " and c.assigned_worker_id = a.actor_id) group by a.actor",
                rs -> {
                    perUser.computeIfAbsent(rs.getString(1), k -> new long[2])[1] = Rows.number(rs, 2);
                },
                scope.pattern(),
                scope.fromUtc(),
                scope.toUtcExclusive());
        List<Indicators.UserReveals> rows = new ArrayList<>();
        perUser.forEach((user, n) -> rows.add(
                new Indicators.UserReveals(user, Objects.requireNonNullElse(names.get(user), user), n[0], n[1])));
        rows.sort(Comparator.comparing(Indicators.UserReveals::outsideCaseload)
                .reversed()
                .thenComparing(Indicators.UserReveals::username));
        return rows;
    }
}
