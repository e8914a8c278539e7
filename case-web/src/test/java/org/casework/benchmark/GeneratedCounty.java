package org.casework.benchmark;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.casework.core.clients.ChineseName;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generated registry and casework of one county, written with JDBC batches (minutes, not hours,
 * for 50,000 clients): workers for every station of the county, clients spread over the given
 * villages (children under 16 as left-behind children, people 60+ as elderly, one in ten of them
 * special-difficulty), open cases in the villages with a station, service records over the last
 * year, flags and reveals, and the visit schedules of clients without one. Shared by {@link
 * WorklistBenchmark} (one county) and {@link ProvinceBenchmark} (several): the same seed gives the
 * same data.
 */
final class GeneratedCounty {

    private static final String SURNAMES = "张王李刘赵任曹孙陈杨周吴郭马何高宋郑谢韩冯朱胡许程邓";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国浩然子涵欣怡梓轩雨桐";

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final Random random;
    /** The county's code (6 digits): its stations get the workers, its cases the numbers. */
    private final String county;

    GeneratedCounty(JdbcTemplate jdbc, FieldCipher cipher, Random random, String county) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.random = random;
        this.county = county;
    }

    List<UUID> createWorkers() {
        List<UUID> ids = new ArrayList<>();
        List<java.util.Map<String, Object>> stations = jdbc.queryForList(
                "select id, region_code from organisation where type = 'TOWNSHIP_STATION' and region_code like ?",
                county + "%");
        for (var station : stations) {
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.randomUUID();
                jdbc.update(
                        "insert into user_account (id, version, username, display_name, password_hash, role,"
                                + " jurisdiction_code, organisation_id, enabled, failed_logins) values (?,0,?,?,?,?,?,?,true,0)",
                        bytes(id),
                        "bench-" + station.get("region_code") + "-" + i,
                        "基准社工" + i,
                        "{noop}x",
                        "STATION_WORKER",
                        station.get("region_code"),
                        station.get("id"));
                ids.add(id);
            }
        }
        jdbc.queryForList(
                        "select id from user_account where username = 'station-guyang' and jurisdiction_code like ?",
                        byte[].class,
                        county + "%")
                .forEach(raw -> ids.add(uuid(raw)));
        return ids;
    }

    private final List<String> clientVillages = new ArrayList<>();

    List<UUID> insertClients(List<String> villages, int count) {
        List<UUID> ids = new ArrayList<>(count);
        List<Object[]> batch = new ArrayList<>();
        List<Object[]> categories = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        String noIdReason = cipher.encrypt("基准数据：无证件");
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                    + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
            int age = random.nextInt(95);
            String village = villages.get(random.nextInt(villages.size()));
            clientVillages.add(village);
            batch.add(new Object[] {
                bytes(id),
                name,
                ChineseName.fullPinyin(name),
                ChineseName.initials(name),
                random.nextBoolean() ? "MALE" : "FEMALE",
                Date.valueOf(LocalDate.now().minusYears(age).minusDays(random.nextInt(365))),
                noIdReason,
                village,
                now
            });
            String category = age < 16 ? "LEFT_BEHIND_CHILD" : age >= 60 ? "ELDERLY" : null;
            String subType = "ELDERLY".equals(category)
                    ? (random.nextInt(10) == 0 ? "SPECIAL_DIFFICULTY_ELDERLY" : "LIVING_ALONE")
                    : null;
            if (category != null) {
                categories.add(new Object[] {
                    bytes(UUID.randomUUID()),
                    bytes(id),
                    category,
                    subType,
                    Date.valueOf(LocalDate.now().minusDays(300)),
                    now
                });
            }
            if (batch.size() == 1000) {
                flushClients(batch, categories);
            }
        }
        flushClients(batch, categories);
        return ids;
    }

    private void flushClients(List<Object[]> batch, List<Object[]> categories) {
        jdbc.batchUpdate(
                "insert into client (id, version, full_name, name_pinyin, name_initials, sex, birth_date, no_id_reason_enc,"
                        + " residence_region_code, created_at, created_by) values (?,0,?,?,?,?,?,?,?,?,'benchmark')",
                batch);
        jdbc.batchUpdate(
                "insert into client_category (id, client_id, type, sub_type, valid_from, source, recorded_by, recorded_at)"
                        + " values (?,?,?,?,?,'OUTREACH','benchmark',?)",
                categories);
        batch.clear();
        categories.clear();
    }

    void insertCases(List<UUID> clients, List<UUID> workers, int count) {
        var stations = new java.util.HashMap<String, byte[]>();
        jdbc.query("select id, region_code from organisation where type = 'TOWNSHIP_STATION'", rs -> {
            stations.put(rs.getString("region_code"), rs.getBytes("id"));
        });
        String[] states = {
            "ACTIVE", "ACTIVE", "ACTIVE", "ASSESSING", "INTAKE", "PLAN_REVIEW", "EVALUATING", "CLOSURE_REVIEW"
        };
        String[] risks = {"RED", "ORANGE", "ORANGE", "YELLOW", "YELLOW", "YELLOW", "GREEN", "GREEN", "GREEN", "GREEN"};
        List<Object[]> batch = new ArrayList<>();
        int year = LocalDate.now().getYear();
        // No transition is written, so a case in review has no submission to date it: it waits since
        // the day of generation (in China), as V34 dates such a case by the day it runs and as the
        // approvals' order before V34 dated it by "today"; a kept county migrated by V34 agrees.
        Date submitted = Date.valueOf(LocalDate.now(ChinaTime.ZONE));
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(clients.size());
            UUID client = clients.get(pick);
            String village = clientVillages.get(pick);
            byte[] station = stations.get(village.substring(0, 9));
            if (station == null) {
                continue;
            }
            UUID worker = workers.get(random.nextInt(workers.size()));
            Timestamp opened = Timestamp.from(Instant.now().minus(random.nextInt(300), ChronoUnit.DAYS));
            String state = states[random.nextInt(states.length)];
            batch.add(new Object[] {
                bytes(UUID.randomUUID()),
                "%s-%d-B%05d".formatted(county, year, i),
                bytes(client),
                village,
                station,
                bytes(worker),
                state,
                risks[random.nextInt(risks.length)],
                opened,
                state.endsWith("_REVIEW") ? submitted : null
            });
            if (batch.size() == 1000) {
                flushCases(batch);
            }
        }
        flushCases(batch);
    }

    private void flushCases(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into case_file (id, version, case_number, primary_client_id, region_code, station_id,"
                        + " assigned_worker_id, source, state, risk_level, follow_ups_done, opened_at,"
                        + " awaiting_approval_since) values (?,0,?,?,?,?,?,'OUTREACH',?,?,0,?,?)",
                batch);
        batch.clear();
    }

    void insertServiceRecords(List<UUID> clients, int count) {
        String notes = cipher.encrypt("常规家访：情况稳定，已了解近期学习和生活情况。");
        String[] types = {"HOME_VISIT", "HOME_VISIT", "PHONE_CALL", "VIDEO_CALL", "COUNSELLING", "MATERIAL_AID"};
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Timestamp at = Timestamp.from(Instant.now().minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS));
            batch.add(new Object[] {
                bytes(UUID.randomUUID()),
                bytes(clients.get(random.nextInt(clients.size()))),
                types[random.nextInt(types.length)],
                at,
                30,
                notes,
                at
            });
            if (batch.size() == 2000) {
                flushServices(batch);
            }
        }
        flushServices(batch);
    }

    private void flushServices(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into service_record (id, version, client_id, type, occurred_at, duration_minutes, notes_enc,"
                        + " recorded_by, recorded_at) values (?,0,?,?,?,?,?,'benchmark',?)",
                batch);
        batch.clear();
    }

    /**
     * Flags (about one per 25 clients a year, a tenth never triaged, the rest triaged within hours
     * or days) and reveals of ID numbers (one per 10 clients), spread over the last year.
     */
    void insertFlagsAndReveals(List<UUID> clients, List<UUID> workers) {
        String text = cipher.encrypt("基准数据");
        // the type is an encrypted FlagType name: the escalation job reads these flags like any other
        String type = cipher.encrypt("LIVING_ALONE");
        String[] severities = {"RED", "ORANGE", "ORANGE", "YELLOW", "YELLOW", "GREEN"};
        List<Object[]> flags = new ArrayList<>();
        byte[] reporter = bytes(workers.get(0));
        for (int i = 0; i < clients.size() / 25; i++) {
            int pick = random.nextInt(clients.size());
            Instant raised = Instant.now().minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS);
            boolean triaged = random.nextInt(10) > 0;
            Instant triagedAt = raised.plus(random.nextInt(72 * 60), ChronoUnit.MINUTES);
            flags.add(new Object[] {
                bytes(UUID.randomUUID()),
                clientVillages.get(pick),
                bytes(clients.get(pick)),
                type,
                severities[random.nextInt(severities.length)],
                text,
                Timestamp.from(raised),
                reporter,
                Timestamp.from(raised),
                Timestamp.from(raised.plus(24, ChronoUnit.HOURS)),
                Timestamp.from(raised.plus(48, ChronoUnit.HOURS)),
                triaged ? "TRIAGED" : "UNTRIAGED",
                triaged ? Timestamp.from(triagedAt) : null,
                // untriaged ones were escalated long ago: the job does not text 200 alerts mid-run
                triaged ? null : Timestamp.from(raised.plus(24, ChronoUnit.HOURS)),
                triaged ? null : Timestamp.from(raised.plus(48, ChronoUnit.HOURS))
            });
        }
        jdbc.batchUpdate(
                "insert into flag (id, version, village_code, client_id, type_enc, severity, description_enc,"
                        + " observed_at, reporter_id, reporter_username, raised_at, triage_due_at, county_due_at, status,"
                        + " triaged_at, escalated_head_at, escalated_county_at)"
                        + " values (?,0,?,?,?,?,?,?,?,'benchmark',?,?,?,?,?,?,?)",
                flags);
        List<Object[]> reveals = new ArrayList<>();
        for (int i = 0; i < clients.size() / 10; i++) {
            UUID worker = workers.get(random.nextInt(workers.size()));
            reveals.add(new Object[] {
                bytes(UUID.randomUUID()),
                "bench-worker",
                bytes(worker),
                bytes(clients.get(random.nextInt(clients.size()))),
                text,
                Timestamp.from(Instant.now().minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS))
            });
            if (reveals.size() == 1000) {
                flushReveals(reveals);
            }
        }
        flushReveals(reveals);
    }

    private void flushReveals(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into sensitive_access (id, actor, actor_id, client_id, reason_enc, occurred_at, outcome)"
                        + " values (?,?,?,?,?,?,'REVEALED')",
                batch);
        batch.clear();
    }

    /**
     * {@code -Dbench.schedules=fill}: a visit schedule for every client without one, written in
     * batches instead of computed by the nightly refresh (once 4-30 minutes client by client on a
     * shared machine, about 20 s since it is batched; the option keeps earlier runs comparable). The level comes from the client's open case (its
     * risk) or category (特困 elderly orange, left-behind children yellow, others green), the last
     * visit from the home visits, the next due day from the level's interval. Same row count and
     * region spread as the refresh; the indicators read only these columns.
     */
    void fillMissingSchedules() {
        java.util.Map<UUID, String> levels = new java.util.HashMap<>();
        jdbc.query("select client_id, type, sub_type from client_category", rs -> {
            String level = "SPECIAL_DIFFICULTY_ELDERLY".equals(rs.getString(3))
                    ? "ORANGE"
                    : "LEFT_BEHIND_CHILD".equals(rs.getString(2)) ? "YELLOW" : "GREEN";
            levels.merge(uuid(rs.getBytes(1)), level, GeneratedCounty::higher);
        });
        jdbc.query("select primary_client_id, risk_level from case_file where risk_level is not null", rs -> {
            levels.merge(uuid(rs.getBytes(1)), rs.getString(2), GeneratedCounty::higher);
        });
        java.util.Map<UUID, LocalDate> lastVisits = new java.util.HashMap<>();
        jdbc.query(
                "select client_id, max(occurred_at) from service_record where type = 'HOME_VISIT'"
                        + " and voided_at is null group by client_id",
                rs -> {
                    lastVisits.put(
                            uuid(rs.getBytes(1)),
                            rs.getTimestamp(2).toLocalDateTime().toLocalDate());
                });
        List<Object[]> batch = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate today = LocalDate.now();
        jdbc.query(
                "select c.id, c.residence_region_code from client c"
                        + " where not exists (select 1 from visit_schedule v where v.client_id = c.id)",
                rs -> {
                    UUID id = uuid(rs.getBytes(1));
                    String level = levels.getOrDefault(id, "GREEN");
                    int rank = LEVELS.indexOf(level);
                    int interval = new int[] {7, 14, 30, 90}[rank];
                    LocalDate last = lastVisits.get(id);
                    LocalDate due = last == null ? today.plusDays(random.nextInt(14) - 7) : last.plusDays(interval);
                    batch.add(new Object[] {
                        bytes(id),
                        rs.getString(2),
                        level,
                        rank,
                        last == null ? null : Date.valueOf(last),
                        Date.valueOf(due),
                        now
                    });
                });
        for (int i = 0; i < batch.size(); i += 1000) {
            jdbc.batchUpdate(
                    "insert into visit_schedule (client_id, region_code, visit_level, level_rank, last_visit_on,"
                            + " next_due_on, due_rule, refreshed_at, level_source) values (?,?,?,?,?,?,'LEVEL_INTERVAL',?,"
                            + " 'REGISTRY')",
                    batch.subList(i, Math.min(batch.size(), i + 1000)));
        }
    }

    private static final List<String> LEVELS = List.of("RED", "ORANGE", "YELLOW", "GREEN");

    private static String higher(String a, String b) {
        return LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b;
    }

    private static byte[] bytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static UUID uuid(byte[] raw) {
        var buffer = java.nio.ByteBuffer.wrap(raw);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
