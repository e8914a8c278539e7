package org.casework.benchmark.sync;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.casework.core.accounts.AccountService;
import org.casework.core.accounts.AccountService.NewUser;
import org.casework.core.clients.ChineseName;
import org.casework.core.security.Role;
import org.casework.core.shared.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sync benchmark's data set, written with JDBC batches like {@code WorklistBenchmark} (the
 * services would take minutes for 6,000 records and are not what is measured): one township
 * (堌阳镇), 20 of its villages, {@code children} left-behind children with 5 visits each in the
 * measured village, a few children in the 19 others so that scoping has something to leave out, and
 * a village child director of the measured village who logs in over the API.
 */
public final class SyncSeed {

    public static final String TOWNSHIP = "410225101";
    static final String USERNAME = "bench-sync-director";
    static final String PASSWORD = "Bench-Village-Sync-26";
    private static final int CHILDREN_IN_OTHER_VILLAGES = 20;
    private static final int VISITS_PER_CHILD = 5;

    private static final String SURNAMES = "张王李刘赵任曹孙陈杨周吴郭马何高宋郑谢韩冯朱胡许程邓";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国浩然子涵欣怡梓轩雨桐";
    private static final String[] WORKPLACES = {
        "广东省东莞市长安镇电子厂", "浙江省义乌市小商品市场", "江苏省苏州市工业园区", "北京市朝阳区建筑工地", "上海市松江区物流园", "郑州市航空港区富士康"
    };
    private static final String[] SCHOOLS = {"堌阳镇中心小学", "堌阳镇第一初级中学", "兰考县第三实验小学", "堌阳镇幼儿园"};
    private static final String[] OPENINGS = {
        "今日上门走访，孩子在家，由祖母照看。", "电话回访监护人，了解孩子近两周的情况。", "与班主任一同家访，孩子刚放学回家。", "视频连线在外务工的母亲，孩子在旁边。"
    };
    private static final String[] FINDINGS = {
        "孩子精神状态良好，饮食正常，作业按时完成。",
        "祖母年事已高，腿脚不便，做饭和接送上学有困难。",
        "孩子近期成绩有所下降，自述上课注意力不集中。",
        "家中卫生条件一般，冬季取暖设施不足，已登记需求。",
        "孩子与父母每周通话一次，希望春节父母能回家。",
        "监护人反映孩子沉迷手机游戏，晚上睡得较晚。",
        "孩子身体有轻微感冒症状，已提醒监护人带其就医。"
    };
    private static final String[] ACTIONS = {
        "已向监护人讲解安全用电和防溺水知识。", "约定下周联系学校老师，跟进学习情况。", "已申请爱心助学物资（书包、文具、冬衣）。", "建议父母每周固定时间与孩子视频通话。", "下次走访时重点关注孩子的情绪变化。"
    };

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final AccountService accounts;
    private final Random random = new Random(2026);

    public SyncSeed(JdbcTemplate jdbc, FieldCipher cipher, AccountService accounts) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.accounts = accounts;
    }

    /**
     * Seeds the township and returns the measured village's records. The measured village is the
     * first of the 20 without demo clients, so every peer sees exactly the seeded records.
     */
    public SeedData seed(int children) {
        List<String> villages = jdbc.queryForList(
                "select code from region where level = 'VILLAGE' and parent_code = ? order by code desc",
                String.class,
                TOWNSHIP);
        villages = villages.subList(0, 20);
        String measured = villages.stream()
                .filter(v -> jdbc.queryForObject(
                                "select count(*) from client where residence_region_code = ?", Long.class, v)
                        == 0)
                .findFirst()
                .orElseThrow();
        accounts.createUnchecked(
                new NewUser(USERNAME, "基准村儿童主任", PASSWORD, Role.VILLAGE_CHILD_DIRECTOR, measured, null));
        List<SeedData.Child> seeded = new ArrayList<>();
        List<SeedData.Visit> visits = new ArrayList<>();
        for (String village : villages) {
            int count = village.equals(measured) ? children : CHILDREN_IN_OTHER_VILLAGES;
            List<SeedData.Child> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(child(village));
            }
            insertChildren(made);
            if (village.equals(measured)) {
                seeded.addAll(made);
                for (SeedData.Child child : made) {
                    for (int v = 0; v < VISITS_PER_CHILD; v++) {
                        visits.add(visit(child.id(), Instant.now().minus(10 + 30L * v, ChronoUnit.DAYS)));
                    }
                }
            }
        }
        insertVisits(visits);
        return new SeedData(measured, USERNAME, PASSWORD, seeded, visits);
    }

    /** New visits as a device or the station would log them now, for the steady-state scenarios. */
    public List<SeedData.Visit> newVisits(SeedData data, int count) {
        List<SeedData.Visit> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String client =
                    data.children().get(random.nextInt(data.children().size())).id();
            made.add(visit(client, Instant.now().minus(1 + random.nextInt(60), ChronoUnit.MINUTES)));
        }
        return made;
    }

    private SeedData.Child child(String village) {
        String surname = pick(SURNAMES);
        String name = surname + pick(GIVEN) + pick(GIVEN);
        boolean fatherAway = random.nextInt(10) < 8;
        return new SeedData.Child(
                UUID.randomUUID().toString(),
                name,
                random.nextBoolean() ? "MALE" : "FEMALE",
                LocalDate.now()
                        .minusYears(3 + random.nextInt(13))
                        .minusDays(random.nextInt(365))
                        .toString(),
                village,
                "第" + (1 + random.nextInt(8)) + "村民组" + (1 + random.nextInt(60)) + "号",
                fatherAway ? "WORKING_AWAY" : "AT_HOME",
                fatherAway ? WORKPLACES[random.nextInt(WORKPLACES.length)] : null,
                "WORKING_AWAY",
                WORKPLACES[random.nextInt(WORKPLACES.length)],
                surname + pick(GIVEN) + pick(GIVEN),
                random.nextBoolean() ? "祖父" : "祖母",
                surname + pick(GIVEN) + pick(GIVEN),
                random.nextBoolean() ? "祖母" : "外祖母",
                SCHOOLS[random.nextInt(SCHOOLS.length)],
                LocalDate.now().minusDays(random.nextInt(60)).toString());
    }

    private SeedData.Visit visit(String clientId, Instant at) {
        String notes = OPENINGS[random.nextInt(OPENINGS.length)]
                + FINDINGS[random.nextInt(FINDINGS.length)]
                + FINDINGS[random.nextInt(FINDINGS.length)]
                + ACTIONS[random.nextInt(ACTIONS.length)];
        boolean home = random.nextInt(3) > 0;
        return new SeedData.Visit(
                UUID.randomUUID().toString(),
                clientId,
                home ? "HOME_VISIT" : "PHONE_CALL",
                at.truncatedTo(ChronoUnit.SECONDS).toString(),
                home ? 30 + random.nextInt(60) : 10 + random.nextInt(20),
                home ? "孩子家中" : null,
                home ? "孩子、祖母" : "监护人",
                notes);
    }

    private void insertChildren(List<SeedData.Child> children) {
        Timestamp now = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        List<Object[]> clients = new ArrayList<>();
        List<Object[]> categories = new ArrayList<>();
        for (SeedData.Child c : children) {
            clients.add(new Object[] {
                bytes(c.id()),
                c.fullName(),
                ChineseName.fullPinyin(c.fullName()),
                ChineseName.initials(c.fullName()),
                c.sex(),
                Date.valueOf(c.birthDate()),
                cipher.encrypt("未办理身份证（基准数据）"),
                c.villageCode(),
                c.villageCode(),
                cipher.encrypt(c.address()),
                c.fatherStatus(),
                cipher.encrypt(c.fatherWorkplace()),
                c.motherStatus(),
                cipher.encrypt(c.motherWorkplace()),
                cipher.encrypt(c.guardianName()),
                c.guardianRelation(),
                cipher.encrypt(c.carerName()),
                c.carerRelation(),
                cipher.encrypt(c.school()),
                Date.valueOf(c.lastParentContact()),
                now
            });
            categories.add(new Object[] {
                bytes(UUID.randomUUID().toString()),
                bytes(c.id()),
                Date.valueOf(LocalDate.now().minusDays(300)),
                now
            });
        }
        jdbc.batchUpdate(
                "insert into client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " no_id_reason_enc, hukou_region_code, residence_region_code, address_enc, father_status,"
                        + " father_workplace_enc, mother_status, mother_workplace_enc, guardian_name_enc,"
                        + " guardian_relation, carer_name_enc, carer_relation, school_enc, last_parent_contact,"
                        + " created_at, created_by)"
                        + " values (?,0,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'benchmark')",
                clients);
        jdbc.batchUpdate(
                "insert into client_category (id, client_id, type, valid_from, source, recorded_by, recorded_at)"
                        + " values (?,?,'LEFT_BEHIND_CHILD',?,'OUTREACH','benchmark',?)",
                categories);
    }

    private void insertVisits(List<SeedData.Visit> visits) {
        List<Object[]> batch = new ArrayList<>();
        for (SeedData.Visit v : visits) {
            Timestamp at = Timestamp.from(Instant.parse(v.occurredAt()));
            batch.add(new Object[] {
                bytes(v.id()),
                bytes(v.clientId()),
                v.type(),
                at,
                v.durationMinutes(),
                cipher.encrypt(v.place()),
                cipher.encrypt(v.participants()),
                cipher.encrypt(v.notes()),
                at
            });
            if (batch.size() == 1000) {
                flushVisits(batch);
            }
        }
        flushVisits(batch);
    }

    private void flushVisits(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into service_record (id, version, client_id, type, occurred_at, duration_minutes, place_enc,"
                        + " participants_enc, notes_enc, recorded_by, recorded_at) values (?,0,?,?,?,?,?,?,?,'benchmark',?)",
                batch);
        batch.clear();
    }

    private String pick(String characters) {
        return String.valueOf(characters.charAt(random.nextInt(characters.length())));
    }

    private static byte[] bytes(String id) {
        UUID uuid = UUID.fromString(id);
        return ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }
}
