package org.casework.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The database a crash run writes to: how the server process is pointed at it, and its cleanup. */
interface CrashDatabase extends AutoCloseable {

    /** Environment variables for the server process (the README's configuration variables). */
    Map<String, String> environment();

    /** Extra command-line arguments for the server process. */
    List<String> arguments();

    @Override
    void close();

    /**
     * The embedded default exactly as the README's quick start runs it: no database variable at
     * all, so the server makes its H2 file under {@code ./data} of the working directory.
     */
    static CrashDatabase embeddedH2() {
        return new CrashDatabase() {
            @Override
            public Map<String, String> environment() {
                return Map.of();
            }

            @Override
            public List<String> arguments() {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }

    /**
     * A fresh database on the local MariaDB (or MySQL) server, dropped at the end. The demo county
     * is seeded into it, so the same load runs on both databases.
     */
    static CrashDatabase mariaDb() {
        String server = System.getProperty("casework.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        String user = System.getProperty("casework.test.mariadb.user", "root");
        String password = System.getProperty("casework.test.mariadb.password", "");
        String name = "casework_crash_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(
                server,
                user,
                password,
                "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        String url = server.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:") + name;
        return new CrashDatabase() {
            @Override
            public Map<String, String> environment() {
                return Map.of(
                        "CASEWORK_DB_URL", url,
                        "CASEWORK_DB_USER", user,
                        "CASEWORK_DB_PASSWORD", password);
            }

            @Override
            public List<String> arguments() {
                // the mariadb profile would refuse the demo key and skip the demo county: name the
                // product for Hibernate as that profile does, and keep the embedded defaults
                return List.of(
                        "--spring.jpa.properties.jakarta.persistence.database-product-name=MariaDB",
                        "--spring.jpa.properties.jakarta.persistence.database-major-version=10",
                        "--spring.jpa.properties.jakarta.persistence.database-minor-version=11");
            }

            @Override
            public void close() {
                execute(server, user, password, "DROP DATABASE IF EXISTS " + name);
            }

            @Override
            public String toString() {
                return url;
            }
        };
    }

    private static void execute(String server, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + server + " is needed for this crash run", e);
        }
    }
}
