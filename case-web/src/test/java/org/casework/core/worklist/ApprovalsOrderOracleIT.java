package org.casework.core.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseRepository;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.ClosureReason;
import org.casework.core.cases.IntakeBasis;
import org.casework.core.cases.PlanApprovalPolicy;
import org.casework.core.cases.Stamp;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approvals' order with the stored submission day (V34) against the order before it, as an
 * oracle: cases walked through their real lifecycle steps at random times (plans submitted, returned
 * and submitted again, approved; closures requested, returned, requested again; plans suspended and
 * resumed in review; reassigned and referral results while in review; risks proposed at any time), part of
 * the steps on a case loaded again from the database. The oracle is the query the worklist used
 * before V34: the day in China of the latest transition into the case's current state. For every case
 * the stored day must be that day (null out of review), and for a county, a township and a village,
 * pages of several sizes must be the first items of the oracle's list in {@link WorkItem#ORDER}. The
 * V34 backfill, run again over the same cases, must store the same days. Rolled back at the end.
 */
@IntegrationTest
class ApprovalsOrderOracleIT {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final String TOWNSHIP = "410225101";
    private static final int CASES = 90;
    private static final PlanApprovalPolicy ALWAYS = new PlanApprovalPolicy(true);
    /** The old order's submission day: the latest transition into the current state (V33 and before). */
    private static final String OLD_SUBMITTED = "select c.id, coalesce((select max(t.occurredAt) from CaseTransition t"
            + " where t.caseFile = c and t.toState = c.state), :today), c.state, c.awaitingApprovalSince"
            + " from CaseFile c where c.id in :ids";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager entityManager;

    @Autowired
    CaseRepository cases;

    @Autowired
    ApprovalsWaitingSource source;

    @Autowired
    PlatformTransactionManager transactionManager;

    private Random random;
    private final Map<String, Integer> seen = new HashMap<>();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void pagesFollowTheOrderOfTheLatestTransitionIntoTheReviewState(long seed) {
        random = new Random(seed);
        seen.clear();
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            check(seed);
        });
    }

    private void check(long seed) {
        List<String> villages = jdbc.queryForList(
                "select code from region where level = 'VILLAGE' and code like ? order by code limit 3",
                String.class,
                TOWNSHIP + "%");
        villages.add(jdbc.queryForObject(
                "select min(code) from region where level = 'VILLAGE' and code like '410225%' and code not like ?",
                String.class, TOWNSHIP + "%"));
        UUID supervisor = UUID.randomUUID();
        Map<UUID, Instant> lastSteps = new HashMap<>();
        for (int i = 0; i < CASES; i++) {
            walk(villages.get(random.nextInt(villages.size())), random.nextInt(8) == 0 ? supervisor : null, lastSteps);
        }
        List<UUID> ids = new ArrayList<>(lastSteps.keySet());
        entityManager.flush();
        entityManager.clear();
        // the rest of the steps on cases as a service finds them: loaded, history not yet read
        for (UUID id : ids) {
            CaseFile c = cases.findById(id).orElseThrow();
            steps(c, lastSteps.get(id), random.nextInt(4));
        }
        entityManager.flush();
        entityManager.clear();
        assertThat(seen)
                .as("the lifecycle steps the oracle needs occurred (seed %d)", seed)
                .containsKeys("resubmitPlan", "closureRequested", "closureRequestedAgain", "resumeInReview");
        assertThat(seen.getOrDefault("reassignInReview", 0) + seen.getOrDefault("referralInReview", 0))
                .isPositive();

        Map<UUID, LocalDate> oracle = storedDaysMatchTheOldSubquery(ids, seed);
        // V36's county of a case awaiting approval: its county exactly while it waits, null otherwise
        assertThat(jdbc.queryForObject(
                        "select count(*) from case_file where (state in ('PLAN_REVIEW', 'CLOSURE_REVIEW')"
                                + " and (approval_county_code is null or approval_county_code <> substring(region_code, 1, 6)))"
                                + " or (state not in ('PLAN_REVIEW', 'CLOSURE_REVIEW') and approval_county_code is not null)",
                        Integer.class))
                .as("seed %d: cases whose approval county disagrees with their state", seed)
                .isZero();
        for (String scope : List.of("410225", TOWNSHIP, villages.get(0))) {
            pagesAreTheOldOrder(scope, supervisor, oracle, seed);
        }

        // V34's backfill, run again on the same cases, stores the same days
        jdbc.update("update case_file set awaiting_approval_since = null");
        jdbc.update(backfill());
        storedDaysMatchTheOldSubquery(ids, seed);
    }

    /** A county's page of each risk is an ordered read of its V36 range on both databases: nothing sorted. */
    @org.junit.jupiter.api.Test
    void aCountyPageIsReadInIndexOrder() {
        boolean h2 = jdbc.execute((java.sql.Connection connection) ->
                connection.getMetaData().getDatabaseProductName().equals("H2"));
        for (RiskLevel risk : new RiskLevel[] {RiskLevel.RED, RiskLevel.GREEN, null}) {
            String sql = ApprovalsWaitingSource.orderedPageSql(risk, h2, true)
                            .replace("?1", "?")
                            .replace("?2", "?") + " LIMIT 1000";
            StringBuilder plan = new StringBuilder();
            jdbc.queryForList("EXPLAIN " + sql, "410225", bytes(UUID.randomUUID()))
                    .forEach(row -> plan.append(row.values()));
            assertThat(plan.toString()).as("risk %s", risk).containsIgnoringCase("ix_case_file_county_approval");
            if (h2) {
                assertThat(plan.toString()).as("risk %s", risk).containsIgnoringCase("index sorted");
            } else {
                assertThat(plan.toString()).as("risk %s", risk).doesNotContainIgnoringCase("filesort");
            }
        }
    }

    /** A case from lead to its first plan review (with a risk, or not), then some random steps. */
    private void walk(String village, UUID worker, Map<UUID, Instant> lastSteps) {
        Instant at = TODAY.minusDays(40)
                .atStartOfDay(ChinaTime.ZONE)
                .toInstant()
                .plus(random.nextInt(20 * 24), ChronoUnit.HOURS);
        CaseFile c = new CaseFile(
                "T" + UUID.randomUUID().toString().substring(0, 18),
                client(village),
                RegionCode.parse(village),
                UUID.randomUUID(),
                worker != null ? worker : UUID.randomUUID(),
                CaseSource.OUTREACH,
                "外展发现",
                new Stamp("test", at));
        at = later(at);
        c.admit(IntakeBasis.GUARDIAN_CONSENT, null, new Stamp("test", at));
        at = later(at);
        c.startAssessment(new Stamp("test", at));
        if (random.nextInt(5) > 0) {
            at = later(at);
            c.proposeRisk(RiskLevel.values()[random.nextInt(4)], "评估", new Stamp("test", at));
        }
        at = later(at);
        c.submitPlan(true, ALWAYS, new Stamp("test", at));
        lastSteps.put(c.getId(), steps(c, at, random.nextInt(6)));
        cases.save(c);
    }

    /** Random legal steps, each a little later than the one before; returns the last one's time. */
    private Instant steps(CaseFile c, Instant at, int count) {
        for (int i = 0; i < count; i++) {
            at = later(at);
            Stamp stamp = new Stamp("test", at);
            int pick = random.nextInt(10);
            if (pick == 0) {
                c.proposeRisk(RiskLevel.values()[random.nextInt(4)], "复评", stamp);
                continue;
            }
            switch (c.getState()) {
                case PLAN_REVIEW -> {
                    if (pick < 4) {
                        c.returnPlan("请补充", stamp);
                    } else if (pick < 6) {
                        c.approvePlan(null, stamp);
                    } else if (pick < 7) {
                        c.suspend("联系不上", stamp);
                    } else {
                        inReview(c, pick, stamp);
                    }
                }
                case ASSESSING -> {
                    c.submitPlan(true, ALWAYS, stamp);
                    count(entries(c, CaseState.PLAN_REVIEW) > 1 ? "resubmitPlan" : "submitPlan");
                }
                case ACTIVE -> c.evaluate("目标基本达成", stamp);
                case EVALUATING -> {
                    c.requestClosure(ClosureReason.GOALS_MET, "一个月后回访", stamp);
                    count(entries(c, CaseState.CLOSURE_REVIEW) > 1 ? "closureRequestedAgain" : "closureRequested");
                }
                case CLOSURE_REVIEW -> {
                    if (pick < 4) {
                        c.returnClosure("请补充评估", stamp);
                    } else if (pick < 6) {
                        c.approveClosure(null, ChinaTime.ZONE, stamp);
                    } else {
                        inReview(c, pick, stamp);
                    }
                }
                case SUSPENDED -> {
                    c.resume(stamp);
                    count("resumeInReview");
                }
                default -> {}
            }
        }
        return at;
    }

    /** Steps that leave a case in review where it is, and that the old order counted as entering it. */
    private void inReview(CaseFile c, int pick, Stamp stamp) {
        if (pick < 9) {
            c.reassign(UUID.randomUUID(), stamp);
            count("reassignInReview");
        } else {
            c.recordReferralResult("PROVIDED", "已提供", stamp);
            count("referralInReview");
        }
    }

    /** How often the case entered the state, after the step (the history is read only then). */
    private static long entries(CaseFile c, CaseState state) {
        return c.getTransitions().stream()
                .filter(t -> t.getToState() == state && t.getFromState() != state)
                .count();
    }

    private void count(String step) {
        seen.merge(step, 1, Integer::sum);
    }

    /** From minutes to three days later, often across midnight in China (16:00 UTC). */
    private Instant later(Instant at) {
        return at.plus(1 + random.nextInt(3 * 24 * 60), ChronoUnit.MINUTES);
    }

    private Map<UUID, LocalDate> storedDaysMatchTheOldSubquery(List<UUID> ids, long seed) {
        Map<UUID, LocalDate> oracle = new HashMap<>();
        List<Object[]> rows = entityManager
                .createQuery(OLD_SUBMITTED, Object[].class)
                .setParameter("today", TODAY.atStartOfDay(ChinaTime.ZONE).toInstant())
                .setParameter("ids", ids)
                .getResultList();
        assertThat(rows).hasSize(ids.size());
        int inReview = 0;
        for (Object[] row : rows) {
            boolean waiting = row[2] == CaseState.PLAN_REVIEW || row[2] == CaseState.CLOSURE_REVIEW;
            LocalDate old = waiting ? LocalDate.ofInstant((Instant) row[1], ChinaTime.ZONE) : null;
            inReview += waiting ? 1 : 0;
            assertThat((LocalDate) row[3])
                    .as("case %s in %s (seed %d)", row[0], row[2], seed)
                    .isEqualTo(old);
            oracle.put((UUID) row[0], old);
        }
        assertThat(inReview).as("cases in review").isGreaterThan(CASES / 5);
        return oracle;
    }

    private void pagesAreTheOldOrder(String scope, UUID supervisor, Map<UUID, LocalDate> oracle, long seed) {
        RegionCode region = RegionCode.parse(scope);
        Role role = scope.length() == 6 ? Role.COUNTY_SUPERVISOR : Role.STATION_HEAD;
        Actor actor = new Actor(supervisor, "sup", role, region, null);
        // every case in review of the scope: the seeded ones with the oracle's day, any other
        // (demo data, other tests) with the old subquery's day, read the same way
        List<Object[]> all = entityManager
                .createQuery(
                        "select c.id, c.caseNumber, c.primaryClientId, c.effectiveRiskLevel, c.regionCode,"
                                + " coalesce((select max(t.occurredAt) from CaseTransition t"
                                + " where t.caseFile = c and t.toState = c.state), :today), cl.fullName"
                                + " from CaseFile c join Client cl on cl.id = c.primaryClientId where c.regionCode like :scope and c.state in :review"
                                + " and (c.assignedWorkerId is null or c.assignedWorkerId <> :me)",
                        Object[].class)
                .setParameter("today", TODAY.atStartOfDay(ChinaTime.ZONE).toInstant())
                .setParameter("scope", scope + "%")
                .setParameter("review", List.of(CaseState.PLAN_REVIEW, CaseState.CLOSURE_REVIEW))
                .setParameter("me", supervisor)
                .getResultList();
        List<WorkItem> expected = all.stream()
                .map(row -> {
                    LocalDate day = LocalDate.ofInstant((Instant) row[5], ChinaTime.ZONE);
                    if (oracle.containsKey((UUID) row[0])) {
                        assertThat(day).isEqualTo(oracle.get((UUID) row[0]));
                    }
                    return new WorkItem(
                            WorkItemKind.APPROVAL_WAITING,
                            (UUID) row[2],
                            (String) row[6],
                            (UUID) row[0],
                            (String) row[1],
                            (String) row[4],
                            (RiskLevel) row[3],
                            day,
                            false);
                })
                .sorted(WorkItem.ORDER)
                .toList();
        assertThat(expected.stream().filter(i -> oracle.containsKey(i.caseId())))
                .as("seeded cases in review in %s", scope)
                .hasSizeGreaterThan(3);
        for (int limit : new int[] {1, 2, 3, 5, 8, 13, 21, 50, expected.size(), expected.size() + 7}) {
            WorkItemSource.Batch page = source.fetch(actor, TODAY, TODAY.plusDays(7), limit);
            assertThat(page.total()).as("total in %s", scope).isEqualTo(expected.size());
            List<WorkItem> want = expected.subList(0, Math.min(limit, expected.size()));
            // the page as the worklist shows it: completed with case numbers and clients
            assertThat(source.complete(page.items()).stream()
                            .map(ApprovalsOrderOracleIT::key)
                            .toList())
                    .as("the first %d approvals of %s (seed %d)", limit, scope, seed)
                    .containsExactlyElementsOf(
                            want.stream().map(ApprovalsOrderOracleIT::key).toList());
        }
    }

    private static String key(WorkItem item) {
        return item.caseId() + " " + item.caseNumber() + " " + item.risk() + " " + item.dueOn() + " "
                + item.regionCode() + " " + item.clientId() + " " + item.clientName() + " " + item.overdue();
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

    private UUID client(String village) {
        UUID client = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                        + " DATE '2016-03-01', ?)",
                bytes(client),
                village);
        return client;
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
