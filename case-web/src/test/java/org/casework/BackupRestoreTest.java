package org.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.casework.it.StartsItsOwnServer;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded mode's backup, as the README's Operations section does it: {@code BACKUP TO} a zip
 * of the H2 file database, then H2's {@code Restore} tool into an empty directory. The restored
 * database holds what was there at the backup (not what came after), and the server starts on it
 * (migrations validated, the crypto key accepted, nothing to seed).
 */
@StartsItsOwnServer
class BackupRestoreTest {

    private static final String OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

    @TempDir
    Path work;

    @Test
    void aBackupOfTheEmbeddedDatabaseRestoresAndTheServerStartsOnIt() throws Exception {
        Path live = work.resolve("data");
        Path backup = work.resolve("backups").resolve("casework.zip");
        Files.createDirectories(backup.getParent());
        long clientsAtBackup;
        long migrationsAtBackup;
        try (ConfigurableApplicationContext server = start(live)) {
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            clientsAtBackup = count(jdbc, "client");
            migrationsAtBackup = count(jdbc, "flyway_schema_history");
            assertThat(clientsAtBackup).as("the demo county's clients").isPositive();

            jdbc.execute("BACKUP TO '" + backup.toAbsolutePath() + "'");

            // work goes on after the backup: the restore must not show it
            jdbc.update(
                    "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                            + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                            + " DATE '2016-03-01', '410225101201')",
                    (Object) bytes(UUID.randomUUID()));
            assertThat(count(jdbc, "client")).isEqualTo(clientsAtBackup + 1);
        }
        assertThat(backup).isNotEmptyFile();

        Path restored = work.resolve("restored");
        Files.createDirectories(restored);
        Restore.execute(backup.toString(), restored.toString(), "casework");

        try (Connection connection = DriverManager.getConnection(url(restored), "sa", "");
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "client")).isEqualTo(clientsAtBackup);
            assertThat(count(statement, "flyway_schema_history")).isEqualTo(migrationsAtBackup);
        }
        try (ConfigurableApplicationContext server = start(restored)) {
            assertThat(count(server.getBean(JdbcTemplate.class), "client")).isEqualTo(clientsAtBackup);
        }
    }

    private static ConfigurableApplicationContext start(Path directory) {
        return new SpringApplicationBuilder(CaseworkApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url(directory),
                        "--casework.scheduling.enabled=false");
    }

    private static String url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("casework") + OPTIONS;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static long count(Statement statement, String table) throws Exception {
        try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
