package org.casework.core.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes a 2xx mean durable: a visit the server has confirmed, or a sync mutation a device has been
 * told to delete from its queue, must survive a crash of the server process.
 *
 * <p>H2 (the embedded default) delays commits by default ({@code WRITE_DELAY}, 500 ms): a
 * {@code kill -9} then loses every commit of the last half second although each was confirmed. This
 * sets {@code WRITE_DELAY 0} on every start, whatever URL the database was opened with, so each
 * commit is written to the file before it returns, and refuses to start if H2 does not take it.
 * H2 does not sync the file to the disk at each commit: a power cut or an operating-system crash can
 * still lose the last commits, which is why a county's production runs on MySQL or MariaDB.
 *
 * <p>MySQL and MariaDB decide durability in their own configuration; their settings are checked and
 * a warning says what to change (see {@link MySqlDurability}).
 *
 * <p>Runs while the application context starts, before the web server accepts its first request.
 */
@Component
public class DurableCommits implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    private final DataSource dataSource;

    public DurableCommits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                h2(connection);
            } else if (product.contains("mysql") || product.contains("mariadb")) {
                mySql(connection).risks().forEach(risk -> log.warn("Database durability: {}", risk));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the database's commit durability", e);
        }
    }

    private static void h2(Connection connection) throws SQLException {
        if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
            return; // nothing outlives the process anyway
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        }
        int delay = h2WriteDelay(connection);
        if (delay != 0) {
            throw new IllegalStateException("H2 kept WRITE_DELAY " + delay + " ms: confirmed commits could be lost");
        }
        log.info("H2 file database: every commit is written before it is confirmed (WRITE_DELAY 0)");
    }

    /** H2's current {@code WRITE_DELAY} in milliseconds. */
    public static int h2WriteDelay(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return rs.next() ? Integer.parseInt(rs.getString(1).strip()) : -1;
        }
    }

    static MySqlDurability mySql(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog")) {
            rs.next();
            return new MySqlDurability(rs.getInt(1), rs.getInt(2) != 0, rs.getLong(3));
        }
    }
}
