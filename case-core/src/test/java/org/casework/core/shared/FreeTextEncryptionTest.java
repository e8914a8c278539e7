package org.casework.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V14: a database written by an earlier version, with child-protection texts in clear, is upgraded
 * so that every one of them is ciphertext under the configured key, and the clear columns are gone.
 * On H2, and with {@code -Dcasework.test.db=mariadb} (profile {@code mariadb}) on a fresh database
 * of the local MariaDB/MySQL server.
 */
class FreeTextEncryptionTest {

    private static final String SERVER =
            System.getProperty("casework.test.mariadb.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = System.getProperty("casework.test.mariadb.user", "root");
    private static final String PASSWORD = System.getProperty("casework.test.mariadb.password", "");

    private final FieldCipher cipher = new FieldCipher(Base64.getEncoder().encodeToString(new byte[32]));
    private JdbcTemplate jdbc;
    private DataSource dataSource;
    private String mariaDbDatabase;

    @BeforeEach
    void databaseOfTheVersionBefore() {
        if ("mariadb".equals(System.getProperty("casework.test.db"))) {
            mariaDbDatabase = "casework_v14_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            new JdbcTemplate(new DriverManagerDataSource(SERVER, USER, PASSWORD))
                    .execute(
                            "CREATE DATABASE " + mariaDbDatabase + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            dataSource = new DriverManagerDataSource(SERVER + mariaDbDatabase, USER, PASSWORD);
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:v14-" + UUID.randomUUID()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            dataSource = h2;
        }
        // V14 adds the encrypted twins; the clear columns still hold what the old version wrote
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("14")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropTheMariaDbDatabase() {
        if (mariaDbDatabase != null) {
            new JdbcTemplate(new DriverManagerDataSource(SERVER, USER, PASSWORD))
                    .execute("DROP DATABASE IF EXISTS " + mariaDbDatabase);
        }
    }

    @Test
    void encryptsTheClearTextsOfEarlierVersionsAndDropsTheClearColumns() {
        UUID client = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " no_id_reason, residence_region_code, address, school, guardian_name, supporters)"
                        + " VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE', DATE '2016-03-01', '未落户',"
                        + " '410225101201', '任庄村三组 12 号', '任庄小学', '王建国', NULL)",
                (Object) bytes(client));
        UUID assessment = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO assessment (id, version, client_id, instrument_code, instrument_version, answers,"
                        + " complete, mandatory_report, triggers, summary, status)"
                        + " VALUES (?, 0, ?, 'child_protection', 1, '{\"mr_private_injury\":true}', TRUE, TRUE,"
                        + " 'mr_private_injury', '私处受伤，已报警。', 'DRAFT')",
                bytes(assessment),
                bytes(client));
        UUID caseId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO case_file (id, version, case_number, primary_client_id, region_code, station_id,"
                        + " source, state, follow_ups_done, opened_at, intake_note)"
                        + " VALUES (?, 0, 'LK-2026-0001', ?, '410225101201', ?, 'FLAG', 'ACTIVE', 0,"
                        + " CURRENT_TIMESTAMP, '监护人同意')",
                bytes(caseId),
                bytes(client),
                bytes(UUID.randomUUID()));
        UUID plan = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO service_plan (id, version, case_id, version_number, status, approved_without_review)"
                        + " VALUES (?, 0, ?, 1, 'DRAFT', FALSE)",
                bytes(plan),
                bytes(caseId));
        jdbc.update(
                "INSERT INTO service_plan_goal (plan_id, list_index, goal_text) VALUES (?, 0, '恢复上学'), (?, 1,"
                        + " '每周与母亲通话')",
                bytes(plan),
                bytes(plan));
        jdbc.update(
                "INSERT INTO supervision_note (id, case_id, author_id, author, note_text, created_at)"
                        + " VALUES (?, ?, ?, 'head-guyang', '需尽快家访', CURRENT_TIMESTAMP)",
                bytes(UUID.randomUUID()),
                bytes(caseId),
                bytes(UUID.randomUUID()));
        jdbc.update(
                "INSERT INTO sensitive_access (id, actor, client_id, reason, occurred_at)"
                        + " VALUES (?, 'station-guyang', ?, '核实低保申请', CURRENT_TIMESTAMP)",
                bytes(UUID.randomUUID()),
                bytes(client));

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new FreeTextEncryption(cipher))
                .load()
                .migrate();

        assertThat(decrypted("SELECT address_enc FROM client")).isEqualTo("任庄村三组 12 号");
        assertThat(decrypted("SELECT school_enc FROM client")).isEqualTo("任庄小学");
        assertThat(decrypted("SELECT guardian_name_enc FROM client")).isEqualTo("王建国");
        assertThat(decrypted("SELECT no_id_reason_enc FROM client")).isEqualTo("未落户");
        assertThat(jdbc.queryForObject("SELECT supporters_enc FROM client", String.class))
                .isNull();
        assertThat(decrypted("SELECT answers_enc FROM assessment")).isEqualTo("{\"mr_private_injury\":true}");
        assertThat(decrypted("SELECT triggers_enc FROM assessment")).isEqualTo("mr_private_injury");
        assertThat(decrypted("SELECT summary_enc FROM assessment")).isEqualTo("私处受伤，已报警。");
        assertThat(decrypted("SELECT intake_note_enc FROM case_file")).isEqualTo("监护人同意");
        assertThat(
                        jdbc
                                .queryForList(
                                        "SELECT goal_enc FROM service_plan_goal ORDER BY list_index", String.class)
                                .stream()
                                .map(cipher::decrypt)
                                .toList())
                .containsExactly("恢复上学", "每周与母亲通话");
        assertThat(decrypted("SELECT note_enc FROM supervision_note")).isEqualTo("需尽快家访");
        assertThat(decrypted("SELECT reason_enc FROM sensitive_access")).isEqualTo("核实低保申请");
        assertThat(jdbc.queryForObject("SELECT outcome FROM sensitive_access", String.class))
                .isEqualTo("REVEALED");
        for (FreeTextEncryption.ClearColumn column : FreeTextEncryption.COLUMNS) {
            assertThat(columns(column.table()))
                    .as("%s.%s", column.table(), column.clear())
                    .doesNotContain(column.clear())
                    .contains(column.encrypted());
        }
    }

    @Test
    void anEmptyDatabaseMigratesWithoutWork() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new FreeTextEncryption(cipher))
                .load()
                .migrate();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client", Integer.class))
                .isZero();
        assertThat(columns("flag")).contains("type_enc").doesNotContain("type");
    }

    private String decrypted(String query) {
        String stored = jdbc.queryForObject(query, String.class);
        assertThat(stored).as("stored form of: %s", query).doesNotMatch(".*[\\u4e00-\\u9fff].*");
        return cipher.decrypt(stored);
    }

    private List<String> columns(String table) {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection
                        .getMetaData()
                        .getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
