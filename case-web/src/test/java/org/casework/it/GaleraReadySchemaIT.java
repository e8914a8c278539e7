package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The migrated schema is ready for a Galera cluster: Galera replicates rows by primary key (a table
 * without one is replicated slowly and can diverge between nodes), and only InnoDB tables are
 * replicated at all. Runs on H2 and, with {@code -Pmariadb}, on MariaDB (point it at a Galera
 * cluster with {@code -Dcasework.test.database.url}).
 */
@IntegrationTest
class GaleraReadySchemaIT {

    @Autowired
    DataSource dataSource;

    @Test
    void everyTableHasAPrimaryKey() throws SQLException {
        Map<String, Integer> keyColumns = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : tables(connection)) {
                int columns = 0;
                try (ResultSet keys = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), table)) {
                    while (keys.next()) {
                        columns++;
                    }
                }
                keyColumns.put(table, columns);
            }
        }
        assertThat(keyColumns).as("the migrated tables").containsKey("sync_mutation");
        assertThat(keyColumns.keySet()).as("the migrated tables").hasSizeGreaterThan(20);
        assertThat(keyColumns)
                .as("tables without a primary key")
                .allSatisfy((table, columns) -> assertThat(columns).as(table).isPositive());
    }

    @Test
    void onMariaDbEveryTableIsInnoDb() throws SQLException {
        if (!TestDatabase.onMariaDb()) {
            return; // H2 has no storage engines; the MariaDB suite checks this
        }
        Map<String, String> engines = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select table_name, engine from information_schema.tables"
                        + " where table_schema = database() and table_type = 'BASE TABLE'");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                engines.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(engines)
                .isNotEmpty()
                .allSatisfy((table, engine) -> assertThat(engine).as(table).isEqualToIgnoringCase("InnoDB"));
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection
                .getMetaData()
                .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
