package org.casework.it.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import org.casework.core.shared.FieldCipher;
import org.casework.it.StartsItsOwnServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key is checked before any migration: production (profiles mysql, mariadb) refuses the public
 * demo key and every key published in the repository, and any server refuses a key other than the
 * one the database's fields are under.
 */
@StartsItsOwnServer
class KeyCheckIT {

    @AfterAll
    static void dropDatabases() {
        StationServer.dropDatabases();
    }

    /** application.yml's demo key: public, fine for the embedded demo only. */
    static final String DEMO_KEY = "Y2FzZXdvcmstZGVtby1rZXktbm90LWZvci1wcm9kdWM=";

    @Test
    void productionRefusesThePublicDemoKeyBeforeAnyMigration() {
        String database = StationServer.newDatabase();

        Throwable refused =
                catchThrowable(() -> StationServer.start(database, DEMO_KEY, "--spring.profiles.active=mysql"));

        assertThat(messages(refused))
                .contains("published in the Casework repository")
                .doesNotContain(DEMO_KEY);
        assertThat(tables(database))
                .as("no migration ran, not even Flyway's history table")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // FieldCipherTest's key (bytes i * 7 + 3)
                "AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw=",
                // all zeros, as EncryptedStringConverterTest uses
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                // text typed as a key
                "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
            })
    void productionRefusesPublishedAndHandMadeKeysOnMariaDbToo(String key) {
        String database = StationServer.newDatabase();

        Throwable refused =
                catchThrowable(() -> StationServer.start(database, key, "--spring.profiles.active=mariadb"));

        assertThat(messages(refused)).contains("Refusing the encryption key").doesNotContain(key);
        assertThat(tables(database)).isZero();
    }

    @Test
    void aServerGivenAnotherKeyThanTheDatabasesRefusesToStart() {
        String database = StationServer.newDatabase();
        String first = BootstrapIT.randomKey();
        String second = BootstrapIT.randomKey();
        try (StationServer server = StationServer.start(database, first, "--casework.demo-data=false")) {
            assertThat(server.port()).isPositive();
        }

        Throwable refused = catchThrowable(() -> StationServer.start(database, second, "--casework.demo-data=false"));

        assertThat(messages(refused))
                .contains("key id " + new FieldCipher(second).keyId())
                .contains("encrypted under key id " + new FieldCipher(first).keyId());
    }

    @Test
    void aFreshKeyStartsProductionAndIsRecordedByItsIdOnly() throws Exception {
        String database = StationServer.newDatabase();
        String key = BootstrapIT.randomKey();

        try (StationServer server = StationServer.start(database, key, "--spring.profiles.active=mysql")) {
            assertThat(server.port()).isPositive();
        }

        try (Connection connection = StationServer.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT key_id, rotating_to FROM crypto_key_state")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(new FieldCipher(key).keyId()).hasSize(8);
            assertThat(rs.getString(2)).isNull();
        }
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
    }

    /** Every message of the failure's causes, the way the operator sees them in the log. */
    static String messages(Throwable failure) {
        assertThat(failure).as("the server must refuse to start").isNotNull();
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    static long tables(String database) {
        try (Connection connection = StationServer.connect(database);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) = LOWER(?)")) {
            statement.setString(1, StationServer.schema(database));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
