package org.casework.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * With {@code -Dcasework.test.db=mariadb} (Maven profile {@code mariadb}), creates a fresh
 * database on the local MariaDB/MySQL server for this test run and drops it afterwards, so no run
 * depends on data left by another.
 */
public class TestDatabase implements LauncherSessionListener {

    /**
     * The server, as a JDBC URL ending in "/": {@code -Dcasework.test.database.url} (for example the
     * HAProxy endpoint of a Galera cluster, jdbc:mariadb://127.0.0.1:23306/), else the older
     * {@code casework.test.mariadb.url}, else the local MariaDB. Always through MariaDB's own driver.
     */
    static final String SERVER = server(System.getProperty(
            "casework.test.database.url",
            System.getProperty("casework.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/")));

    static final String USER =
            System.getProperty("casework.test.database.user", System.getProperty("casework.test.mariadb.user", "root"));
    static final String PASSWORD = System.getProperty(
            "casework.test.database.password", System.getProperty("casework.test.mariadb.password", ""));

    private String database;

    /** With {@code -Dcasework.test.database.keep=NAME}: that database is reused and not dropped. */
    private boolean keep;

    public static boolean onMariaDb() {
        return "mariadb".equals(System.getProperty("casework.test.db"));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!onMariaDb() || database != null) {
            return;
        }
        String kept = System.getProperty("casework.test.database.keep", "");
        if (kept.matches("[a-z0-9_]+")) {
            // A named database that survives the run (benchmarks: generate a county once, then
            // measure it again after a change without waiting minutes for the data again).
            database = kept;
            keep = true;
            execute("CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } else {
            database = "casework_it_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        System.setProperty("casework.test.database", database);
        // read by application-it-mariadb.yml
        System.setProperty("casework.test.database.jdbc-url", SERVER + database);
        System.setProperty("casework.test.database.username", USER);
        System.setProperty("casework.test.database.secret", PASSWORD);
    }

    static String server(String url) {
        String server = url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
        return server.endsWith("/") ? server : server + "/";
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null && !keep) {
            execute("DROP DATABASE IF EXISTS " + database);
            database = null;
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the MariaDB test database at " + SERVER, e);
        }
    }
}
