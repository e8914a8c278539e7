package org.casework.core.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.RiskChangeKind;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.LivingArrangement;
import org.casework.core.flags.FlagType;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.FieldCipher;
import org.casework.core.shared.RiskLevel;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly batch against the per-client rule, as an oracle: random clients (ages, categories
 * with ended and future validity, living arrangements, registration days), cases in every state
 * with risk histories, flags triaged or not, standalone and case assessments, visits and other
 * services, some voided. For every client the row the batch writes must equal the row the
 * per-client {@link VisitScheduleService#refresh} writes for it; a rerun of the batch must write
 * nothing, and a due date the batch changes must reach the sync change log (devices).
 */
@IntegrationTest
class VisitScheduleBatchOracleIT {

    private static final int CLIENTS = 240;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    VisitScheduleBatch batch;

    @Autowired
    VisitScheduleService schedules;

    @Autowired
    PlatformTransactionManager transactionManager;

    private Random random;
    private final List<String> villages = new ArrayList<>();
    private byte[] reporter;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13})
    void theBatchComputesWhatThePerClientRuleComputesForEveryClient(long seed) {
        random = new Random(seed);
        villages.clear();
        villages.addAll(jdbc.queryForList(
                "select code from region where level = 'VILLAGE' and code like '410225%' order by code limit 6",
                String.class));
        reporter = jdbc.queryForList("select id from user_account order by username", byte[].class)
                .get(0);
        List<UUID> clients = generate(seed);
        // some already have a row (stale or not), most have none
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        for (UUID client : clients.subList(0, clients.size() / 4)) {
            tx.executeWithoutResult(s -> schedules.refresh(client));
        }
        staleRows(clients.subList(0, clients.size() / 8));

        int written = 0;
        for (int from = 0; from < clients.size(); from += VisitScheduleBatch.SIZE) {
            List<UUID> part = clients.subList(from, Math.min(clients.size(), from + VisitScheduleBatch.SIZE));
            Integer n = tx.execute(s -> batch.refresh(part));
            written += n;
        }
        assertThat(written).isGreaterThanOrEqualTo(clients.size() - clients.size() / 4);
        Map<UUID, Map<String, Object>> batched = rows(clients);

        for (UUID client : clients) {
            tx.executeWithoutResult(s -> schedules.refresh(client));
        }
        Map<UUID, Map<String, Object>> perClient = rows(clients);
        assertThat(batched).hasSize(clients.size());
        for (UUID client : clients) {
            assertThat(batched.get(client))
                    .as("client %s (seed %d)", client, seed)
                    .isEqualTo(perClient.get(client));
        }
        // the variety the oracle needs actually occurred
        assertThat(batched.values().stream().map(r -> r.get("due_rule")).distinct())
                .contains("FIRST_VISIT", "LEVEL_INTERVAL", "RED_RESPONSE");
        assertThat(batched.values().stream().map(r -> r.get("level_source")).distinct())
                .contains("CASE", "FLAG", "ASSESSMENT", "REGISTRY");

        // nothing changed since: the nightly rerun writes no row
        Integer rerun = tx.execute(s -> batch.refresh(clients.subList(0, Math.min(clients.size(), 500))));
        assertThat(rerun).isZero();

        // a visit logged behind the events' back (an import) moves the due date: the batch writes the
        // row and the sync change log tells the client's village
        UUID visited = clients.get(0);
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from sync_change", Long.class);
        serviceRecord(visited, "HOME_VISIT", Instant.now().minusSeconds(120), false);
        Integer afterVisit = tx.execute(s -> batch.refresh(List.of(visited)));
        assertThat(afterVisit).isOne();
        assertThat(jdbc.queryForList(
                        "select scope_key from sync_change where seq > ? and record_type = 'visitDue'"
                                + " and record_id = ? and op = 'U'",
                        String.class,
                        before,
                        visited.toString()))
                .containsExactly(
                        rows(List.of(visited)).get(visited).get("region_code").toString());
    }

    private Map<UUID, Map<String, Object>> rows(List<UUID> clients) {
        Map<UUID, Map<String, Object>> rows = new HashMap<>();
        for (UUID client : clients) {
            List<Map<String, Object>> found = jdbc.queryForList(
                    "select region_code, visit_level, level_rank, last_visit_on, next_due_on, due_rule, level_source,"
                            + " level_reference, level_triggers from visit_schedule where client_id = ?",
                    (Object) bytes(client));
            if (!found.isEmpty()) {
                rows.put(client, found.get(0));
            }
        }
        return rows;
    }

    /** Rows as an earlier night left them: another level, an old due day. */
    private void staleRows(List<UUID> clients) {
        for (UUID client : clients) {
            jdbc.update(
                    "update visit_schedule set visit_level = 'GREEN', level_rank = 3, next_due_on = ?,"
                            + " level_reference = null where client_id = ?",
                    Date.valueOf(LocalDate.now().minusYears(2)),
                    bytes(client));
        }
    }

    private List<UUID> generate(long seed) {
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            UUID id = UUID.randomUUID();
            clients.add(id);
            int age = random.nextInt(95);
            String village = villages.get(random.nextInt(villages.size()));
            LivingArrangement[] arrangements = LivingArrangement.values();
            String living =
                    age >= 60 && random.nextBoolean() ? arrangements[random.nextInt(arrangements.length)].name() : null;
            Timestamp created = random.nextInt(10) == 0
                    ? null
                    : Timestamp.from(Instant.now().minus(random.nextInt(400), ChronoUnit.DAYS));
            jdbc.update(
                    "insert into client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                            + " residence_region_code, living_arrangement, created_at, created_by)"
                            + " values (?,0,'测试','ceshi','cs',?,?,?,?,?,'oracle')",
                    bytes(id),
                    random.nextBoolean() ? "MALE" : "FEMALE",
                    Date.valueOf(LocalDate.now().minusYears(age).minusDays(random.nextInt(365))),
                    village,
                    living,
                    created);
            for (int c = random.nextInt(3); c > 0; c--) {
                category(id);
            }
            for (int c = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0; c > 0; c--) {
                caseFile(id, village, seed);
            }
            for (int f = random.nextInt(5) == 0 ? 1 + random.nextInt(2) : 0; f > 0; f--) {
                flag(id, village);
            }
            for (int a = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0; a > 0; a--) {
                assessment(id);
            }
            for (int s = random.nextInt(5); s > 0; s--) {
                String[] types = {"HOME_VISIT", "PHONE_CALL", "VIDEO_CALL", "COUNSELLING", "MATERIAL_AID"};
                serviceRecord(
                        id,
                        types[random.nextInt(types.length)],
                        Instant.now().minus(1 + random.nextInt(200 * 24), ChronoUnit.HOURS),
                        random.nextInt(6) == 0);
            }
        }
        return clients;
    }

    private void category(UUID client) {
        CategorySubType[] subTypes = CategorySubType.values();
        CategorySubType subType = random.nextInt(4) == 0 ? null : subTypes[random.nextInt(subTypes.length)];
        CategoryType type =
                subType != null ? subType.type() : CategoryType.values()[random.nextInt(CategoryType.values().length)];
        LocalDate from = LocalDate.now().minusDays(random.nextInt(800) - 30);
        LocalDate to = random.nextInt(3) == 0 ? LocalDate.now().plusDays(random.nextInt(200) - 100) : null;
        jdbc.update(
                "insert into client_category (id, client_id, type, sub_type, valid_from, valid_to, source,"
                        + " recorded_by, recorded_at) values (?,?,?,?,?,?,'OUTREACH','oracle',?)",
                bytes(UUID.randomUUID()),
                bytes(client),
                type.name(),
                subType == null ? null : subType.name(),
                Date.valueOf(from),
                to == null ? null : Date.valueOf(to),
                Timestamp.from(Instant.now()));
    }

    private void caseFile(UUID client, String village, long seed) {
        UUID id = UUID.randomUUID();
        CaseState[] states = CaseState.values();
        RiskLevel level = randomLevel();
        CaseState state = states[random.nextInt(states.length)];
        boolean inReview = state == CaseState.PLAN_REVIEW || state == CaseState.CLOSURE_REVIEW;
        jdbc.update(
                "insert into case_file (id, version, case_number, primary_client_id, region_code, station_id,"
                        + " source, state, risk_level, effective_risk_level, follow_ups_done, opened_at,"
                        + " awaiting_approval_since) values (?,0,?,?,?,?,'OUTREACH',?,?,?,0,?,?)",
                bytes(id),
                "O" + seed + "-" + id.toString().substring(0, 12),
                bytes(client),
                village,
                bytes(UUID.randomUUID()),
                state.name(),
                level == null ? null : level.name(),
                level == null ? null : level.name(),
                Timestamp.from(Instant.now().minus(random.nextInt(300), ChronoUnit.DAYS)),
                // no transition written: in review since today (in China), as V34 dates such a case
                inReview ? Date.valueOf(LocalDate.now(ChinaTime.ZONE)) : null);
        Instant at = Instant.now().minus(40, ChronoUnit.DAYS);
        for (int r = random.nextInt(4); r > 0; r--) {
            at = at.plus(random.nextInt(20 * 24), ChronoUnit.HOURS);
            RiskLevel changed = r == 1 && level != null ? level : randomLevel();
            RiskChangeKind[] kinds = RiskChangeKind.values();
            jdbc.update(
                    "insert into case_risk_change (id, case_id, level, kind, actor, occurred_at)"
                            + " values (?,?,?,?,'oracle',?)",
                    bytes(UUID.randomUUID()),
                    bytes(id),
                    (changed == null ? RiskLevel.RED : changed).name(),
                    kinds[random.nextInt(kinds.length)].name(),
                    Timestamp.from(at));
        }
    }

    private void flag(UUID client, String village) {
        Instant raised = Instant.now().minus(1 + random.nextInt(30 * 24), ChronoUnit.HOURS);
        boolean triaged = random.nextInt(3) == 0;
        FlagType[] types = FlagType.values();
        jdbc.update(
                "insert into flag (id, version, village_code, client_id, type_enc, severity, description_enc,"
                        + " observed_at, reporter_id, reporter_username, raised_at, triage_due_at, county_due_at,"
                        + " status, triaged_at) values (?,0,?,?,?,?,?,?,?,'oracle',?,?,?,?,?)",
                bytes(UUID.randomUUID()),
                village,
                bytes(client),
                cipher.encrypt(types[random.nextInt(types.length)].name()),
                RiskLevel.values()[random.nextInt(4)].name(),
                cipher.encrypt("测试"),
                Timestamp.from(raised),
                reporter,
                Timestamp.from(raised),
                Timestamp.from(raised.plus(24, ChronoUnit.HOURS)),
                Timestamp.from(raised.plus(48, ChronoUnit.HOURS)),
                triaged ? "TRIAGED" : "UNTRIAGED",
                triaged ? Timestamp.from(raised.plus(2, ChronoUnit.HOURS)) : null);
    }

    private void assessment(UUID client) {
        boolean signed = random.nextInt(4) > 0;
        RiskLevel proposed = randomLevel();
        String[] instruments = {"CHILD_SAFETY", "ELDER_NEEDS", "HOUSEHOLD"};
        String triggers = random.nextBoolean() ? null : random.nextBoolean() ? "T1" : "T1,T2";
        jdbc.update(
                "insert into assessment (id, version, client_id, case_id, instrument_code, instrument_version,"
                        + " answers_enc, complete, proposed_risk, mandatory_report, triggers_enc, status, signed_by,"
                        + " signed_at) values (?,0,?,?,?,1,?,true,?,false,?,?,?,?)",
                bytes(UUID.randomUUID()),
                bytes(client),
                random.nextInt(4) == 0 ? bytes(UUID.randomUUID()) : null,
                instruments[random.nextInt(instruments.length)],
                cipher.encrypt("{}"),
                proposed == null ? null : proposed.name(),
                triggers == null ? null : cipher.encrypt(triggers),
                signed ? "SIGNED" : "DRAFT",
                signed ? "oracle" : null,
                signed ? Timestamp.from(Instant.now().minus(1 + random.nextInt(90 * 24), ChronoUnit.HOURS)) : null);
    }

    private void serviceRecord(UUID client, String type, Instant at, boolean voided) {
        jdbc.update(
                "insert into service_record (id, version, client_id, type, occurred_at, notes_enc, recorded_by,"
                        + " recorded_at, voided_at, voided_by) values (?,0,?,?,?,?,'oracle',?,?,?)",
                bytes(UUID.randomUUID()),
                bytes(client),
                type,
                Timestamp.from(at),
                cipher.encrypt("测试"),
                Timestamp.from(at),
                voided ? Timestamp.from(at.plusSeconds(600)) : null,
                voided ? "oracle" : null);
    }

    /** A level, or now and then none (a case not yet rated, an assessment without a proposal). */
    private RiskLevel randomLevel() {
        int pick = random.nextInt(9);
        return pick == 8 ? null : RiskLevel.values()[pick % 4];
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
