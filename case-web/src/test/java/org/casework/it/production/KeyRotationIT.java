package org.casework.it.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.casework.CaseworkApplication;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.keys.EncryptedColumns;
import org.casework.core.keys.EncryptedColumns.EncryptedTable;
import org.casework.core.keys.KeyRotation;
import org.casework.core.shared.FieldCipher;
import org.casework.it.Api;
import org.casework.it.StartsItsOwnServer;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Villages;
import org.casework.it.production.StationServer.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Key rotation ({@code java -jar case-web.jar rotate-key}, README "Keys and rotation"): every
 * encrypted field and the ID-number blind index move from the old key to the new one; the server
 * then runs on the new key only; an interrupted rotation keeps every server from starting until the
 * same command, run again, finishes it; a finished rotation run again does nothing.
 */
@StartsItsOwnServer
class KeyRotationIT {

    @AfterAll
    static void dropDatabases() {
        StationServer.dropDatabases();
    }

    @Test
    void movesEveryEncryptedFieldAndTheBlindIndexFromTheDemoKeyToANewOne() throws Exception {
        String database = StationServer.newDatabase();
        String oldKey = KeyCheckIT.DEMO_KEY;
        String newKey = BootstrapIT.randomKey();
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG).withPhone("13912345678");
        UUID childId;
        UUID visitId;
        List<EncryptedTable> tables;
        try (StationServer server = StationServer.start(database, oldKey, "--casework.demo-data=true")) {
            Api api = new Api(server.port());
            String worker = StationServer.login(api, DemoUsers.STATION_GUYANG, Api.PASSWORD);
            Api.Response registered = api.post("/api/v1/clients", child.build(), worker);
            assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
            childId = UUID.fromString(registered.body().get("id").asString());
            visitId = logVisit(api, worker, childId);
            tables = server.bean(EncryptedColumns.class).tables();
        }
        assertThat(discovered(tables))
                .as("every *_enc column of the schema is found by the rotation")
                .containsAll(encryptedColumnsInSchema(database))
                .contains("sync_issue.payload", "referral_shared_field.value_enc", "flag_photo.data_enc");
        Map<String, List<String>> plainBefore = plainValues(database, tables, new FieldCipher(oldKey));
        assertThat(plainBefore.get("client.id_number_enc")).contains(child.idNumber());
        assertThat(plainBefore.get("service_record.notes_enc")).contains("家访：孩子在家，祖母身体尚可");

        Run rotated = rotate(database, oldKey, newKey);

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains("Done", new FieldCipher(newKey).keyId());
        FieldCipher cipher = new FieldCipher(newKey);
        assertThat(plainValues(database, tables, cipher))
                .as("the same plain values, each now under the new key")
                .isEqualTo(plainBefore);
        assertThat(idNumberHashes(database, cipher))
                .allSatisfy((hash, expected) -> assertThat(hash).isEqualTo(expected));

        assertThat(KeyCheckIT.messages(catchThrowable(() -> StationServer.start(database, oldKey))))
                .contains("start with that key (after a rotation: the new key)");

        try (StationServer server = StationServer.start(database, newKey)) {
            Api api = new Api(server.port());
            String worker = StationServer.login(api, DemoUsers.STATION_GUYANG, Api.PASSWORD);
            Api.Response revealed =
                    api.post("/api/v1/clients/" + childId + "/reveal", Map.of("reason", "核对轮换后的身份证号"), worker);
            assertThat(revealed.status()).as(revealed.raw().body()).isEqualTo(200);
            assertThat(revealed.body().get("idNumber").asString()).isEqualTo(child.idNumber());
            assertThat(revealed.body().get("phone").asString()).isEqualTo("13912345678");
            Api.Response duplicate = api.post(
                    "/api/v1/clients",
                    aLeftBehindChild()
                            .inVillage(Villages.RENZHUANG)
                            .withIdNumber(child.idNumber())
                            .build(),
                    worker);
            assertThat(duplicate.status())
                    .as(
                            "the blind index still finds the ID number: %s",
                            duplicate.raw().body())
                    .isEqualTo(409);
            assertThat(api.get("/api/v1/services?client=" + childId, worker)
                            .body()
                            .get("items")
                            .get(0)
                            .get("id")
                            .asString())
                    .isEqualTo(visitId.toString());
        }

        Run again = rotate(database, oldKey, newKey);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing to do");
    }

    @Test
    void anInterruptedRotationKeepsEveryServerOffUntilTheSameCommandFinishesIt() throws Exception {
        String database = StationServer.newDatabase();
        String oldKey = BootstrapIT.randomKey();
        String newKey = BootstrapIT.randomKey();
        try (StationServer server = StationServer.start(database, oldKey, "--casework.demo-data=true")) {
            assertThat(server.port()).isPositive();
        }
        AtomicInteger batches = new AtomicInteger();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseworkApplication.class)
                .run(StationServer.arguments(
                                database,
                                oldKey,
                                "--server.port=-1",
                                "--casework.crypto.rotation=true",
                                "--casework.demo-data=false",
                                "--casework.scheduling.enabled=false")
                        .toArray(String[]::new))) {
            assertThatThrownBy(() -> context.getBean(KeyRotation.class)
                            .rotate(new FieldCipher(oldKey), new FieldCipher(newKey), 10, progress -> {
                                // after two committed batches of the clients: some numbers moved, most not
                                if (progress.startsWith("client:") && batches.incrementAndGet() == 2) {
                                    throw new IllegalStateException("power cut");
                                }
                            }))
                    .hasMessage("power cut");
        }
        FieldCipher under = new FieldCipher(newKey);
        List<String> ids = new ArrayList<>(storedIdNumbers(database));
        assertThat(ids).anyMatch(under::isUnderThisKey).anyMatch(v -> !under.isUnderThisKey(v));

        assertThat(KeyCheckIT.messages(catchThrowable(() -> StationServer.start(database, oldKey))))
                .contains("unfinished key rotation");
        assertThat(KeyCheckIT.messages(catchThrowable(() -> StationServer.start(database, newKey))))
                .contains("unfinished key rotation");

        Run finished = rotate(database, oldKey, newKey);

        assertThat(finished.exitCode()).as(finished.err()).isZero();
        assertThat(storedIdNumbers(database)).allMatch(under::isUnderThisKey);
        try (StationServer server = StationServer.start(database, newKey)) {
            Api api = new Api(server.port());
            String worker = StationServer.login(api, DemoUsers.STATION_GUYANG, Api.PASSWORD);
            Api.Response clients = api.get("/api/v1/clients?size=50", worker);
            assertThat(clients.status()).as(clients.raw().body()).isEqualTo(200);
            String someone = clients.body().get("items").get(0).get("id").asString();
            Api.Response revealed =
                    api.post("/api/v1/clients/" + someone + "/reveal", Map.of("reason", "核对轮换"), worker);
            assertThat(revealed.status()).as(revealed.raw().body()).isEqualTo(200);
        }
    }

    @Test
    void refusesAPublishedOrMalformedNewKeyBeforeTouchingAnything() {
        Run published = StationServer.command(
                Map.of("CASEWORK_CRYPTO_NEW_KEY", KeyCheckIT.DEMO_KEY), null, List.of("rotate-key"));
        assertThat(published.exitCode()).isEqualTo(1);
        assertThat(published.err()).contains("published").doesNotContain(KeyCheckIT.DEMO_KEY);

        Run missing = StationServer.command(Map.of(), null, List.of("rotate-key"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("CASEWORK_CRYPTO_NEW_KEY is not set");

        Run asArgument =
                StationServer.command(Map.of(), null, List.of("rotate-key", "--new-key=" + BootstrapIT.randomKey()));
        assertThat(asArgument.exitCode()).isEqualTo(2);
        assertThat(asArgument.err()).contains("never read from the command line");
    }

    private static Run rotate(String database, String oldKey, String newKey) {
        List<String> args = new ArrayList<>(List.of("rotate-key", "--batch-size", "25"));
        args.addAll(StationServer.databaseArguments(database));
        return StationServer.command(
                Map.of("CASEWORK_CRYPTO_KEY", oldKey, "CASEWORK_CRYPTO_NEW_KEY", newKey), null, args);
    }

    private static UUID logVisit(Api api, String token, UUID childId) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("clientId", childId);
        visit.put("type", "HOME_VISIT");
        visit.put("occurredAt", Instant.now().minusSeconds(3600).toString());
        visit.put("durationMinutes", 30);
        visit.put("notes", "家访：孩子在家，祖母身体尚可");
        Api.Response r = api.post("/api/v1/services", visit, token);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return UUID.fromString(r.body().get("id").asString());
    }

    private static Set<String> discovered(List<EncryptedTable> tables) {
        Set<String> columns = new TreeSet<>();
        tables.forEach(t -> t.columns().forEach(c -> columns.add(t.table() + "." + c)));
        return columns;
    }

    private static Set<String> encryptedColumnsInSchema(String database) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Connection connection = StationServer.connect(database);
                PreparedStatement statement = connection.prepareStatement("SELECT LOWER(TABLE_NAME), LOWER(COLUMN_NAME)"
                        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_SCHEMA) = LOWER(?)"
                        + " AND LOWER(COLUMN_NAME) LIKE '%!_enc' ESCAPE '!'")) {
            statement.setString(1, StationServer.schema(database));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        return columns;
    }

    /** Every encrypted value, decrypted, sorted per {@code table.column}. */
    private static Map<String, List<String>> plainValues(
            String database, List<EncryptedTable> tables, FieldCipher cipher) throws SQLException {
        Map<String, List<String>> values = new TreeMap<>();
        try (Connection connection = StationServer.connect(database);
                Statement statement = connection.createStatement()) {
            for (EncryptedTable table : tables) {
                for (String column : table.columns()) {
                    List<String> plain = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery(
                            "SELECT " + column + " FROM " + table.table() + " WHERE " + column + " IS NOT NULL")) {
                        while (rs.next()) {
                            plain.add(cipher.decrypt(rs.getString(1)));
                        }
                    }
                    plain.sort(null);
                    values.put(table.table() + "." + column, plain);
                }
            }
        }
        return values;
    }

    /** Each client's stored ID-number hash, next to the hash the new key gives its number. */
    private static Map<String, String> idNumberHashes(String database, FieldCipher cipher) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        try (Connection connection = StationServer.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT id_number_enc, id_number_hash FROM client WHERE id_number_enc IS NOT NULL")) {
            while (rs.next()) {
                String expected = cipher.blindIndex(
                        ResidentIdNumber.parse(cipher.decrypt(rs.getString(1))).indexForm());
                hashes.put(rs.getString(2), expected);
            }
        }
        assertThat(hashes).isNotEmpty();
        return hashes;
    }

    private static List<String> storedIdNumbers(String database) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = StationServer.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT id_number_enc FROM client WHERE id_number_enc IS NOT NULL")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
