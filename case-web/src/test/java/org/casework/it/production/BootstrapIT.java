package org.casework.it.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.casework.it.Api;
import org.casework.it.StartsItsOwnServer;
import org.casework.it.production.StationServer.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The first start of a county in production (README "First start of a county"): the mysql profile
 * starts with no account, region or organisation; {@code java -jar case-web.jar bootstrap} makes the
 * county's regions, centre, stations and first administrator, once, with the password from the
 * environment or the terminal and never from an argument.
 */
@StartsItsOwnServer
class BootstrapIT {

    @AfterAll
    static void dropDatabases() {
        StationServer.dropDatabases();
    }

    private static final String KEY = randomKey();
    private static final String PASSWORD = "Zhongyuan#Shehui-7391";

    @Test
    void firstStartOfACountyOnAnEmptyProductionDatabase() {
        String database = StationServer.newDatabase();

        Run tooShort = bootstrap(database, withKey("CASEWORK_BOOTSTRAP_PASSWORD", "short-pw"), "lankao-admin");
        assertThat(tooShort.exitCode()).as(tooShort.err()).isEqualTo(1);
        assertThat(tooShort.err()).contains("密码至少需要 10 个字符");
        assertThat(count(database, "region"))
                .as("a refused bootstrap leaves nothing behind")
                .isZero();
        assertThat(count(database, "organisation")).isZero();

        Run done = bootstrap(database, withKey("CASEWORK_BOOTSTRAP_PASSWORD", PASSWORD), "lankao-admin");
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("兰考县", "22 townships", "470 villages", "16 stations", "lankao-admin");

        try (StationServer server = StationServer.start(database, KEY, "--spring.profiles.active=mysql")) {
            Api api = new Api(server.port());
            String token = StationServer.login(api, "lankao-admin", PASSWORD);
            List<JsonNode> organisations = new ArrayList<>();
            api.get("/api/v1/organisations", token).body().forEach(organisations::add);
            assertThat(organisations).hasSize(17);
            assertThat(organisations)
                    .extracting(o -> o.get("name").asString())
                    .contains("兰考县社会工作指导中心", "堌阳镇社会工作站", "南彰镇社会工作站")
                    .noneMatch(name -> name.contains("园艺场") || name.contains("林场"));
            assertThat(api.get("/api/v1/regions?parent=410225101", token).body())
                    .hasSize(48);
            JsonNode users = api.get("/api/v1/users", token).body().get("items");
            assertThat(users).hasSize(1);
            assertThat(users.get(0).get("role").asString()).isEqualTo("ADMINISTRATOR");
            assertThat(users.get(0).get("jurisdictionCode").asString()).isEqualTo("410225");
        }

        Run again = bootstrap(database, withKey("CASEWORK_BOOTSTRAP_PASSWORD", PASSWORD), "second-admin");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("已有系统管理员");
        assertThat(count(database, "user_account")).isEqualTo(1);
        assertThat(count(database, "organisation")).isEqualTo(17);
    }

    @Test
    void thePasswordCanBeTypedTwiceAtTheTerminal() {
        String database = StationServer.newDatabase();
        char[][] typed = {PASSWORD.toCharArray(), PASSWORD.toCharArray()};
        int[] next = {0};

        Run run = StationServer.command(
                withKey(),
                prompt -> typed[next[0]++].clone(),
                arguments(database, "typed-admin", "--county", "410225"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(next[0]).isEqualTo(2);
        assertThat(count(database, "user_account")).isEqualTo(1);
    }

    @Test
    void differentPasswordsAtThePromptOrNoTerminalAtAllStartNothing() {
        String database = StationServer.newDatabase();
        Run differ = StationServer.command(
                Map.of(),
                prompt -> prompt.startsWith("Repeat") ? "other".toCharArray() : PASSWORD.toCharArray(),
                arguments(database, "x-admin", "--county", "410225"));
        assertThat(differ.exitCode()).isEqualTo(2);
        assertThat(differ.err()).contains("differ");

        Run noTerminal = StationServer.command(withKey(), null, arguments(database, "x-admin", "--county", "410225"));
        assertThat(noTerminal.exitCode()).isEqualTo(2);
        assertThat(noTerminal.err()).contains("CASEWORK_BOOTSTRAP_PASSWORD");
    }

    @Test
    void thePasswordIsNeverAnArgument() {
        Run run = StationServer.command(
                Map.of(),
                null,
                List.of("bootstrap", "--admin", "x-admin", "--county", "410225", "--password", PASSWORD));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("never read from the command line").doesNotContain(PASSWORD);
    }

    @Test
    void aCountyWithoutTownshipsInTheShippedFilesIsRefused() {
        String database = StationServer.newDatabase();

        Run run = StationServer.command(
                withKey("CASEWORK_BOOTSTRAP_PASSWORD", PASSWORD, "LANG", "en_US.UTF-8"),
                null,
                arguments(database, "bj-admin", "--county", "110101"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no townships or villages for county \"110101\"");
        assertThat(count(database, "organisation")).isZero();
    }

    private static Run bootstrap(String database, Map<String, String> environment, String admin) {
        return StationServer.command(
                environment, null, arguments(database, admin, "--county", "410225", "--name", "兰考县系统管理员"));
    }

    private static List<String> arguments(String database, String admin, String... more) {
        List<String> args = new ArrayList<>(List.of("bootstrap", "--admin", admin));
        args.addAll(List.of(more));
        args.addAll(StationServer.databaseArguments(database));
        return args;
    }

    /** The environment of a production command: the mysql profile and the county's key, plus these. */
    private static Map<String, String> withKey(String... more) {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "mysql");
        environment.put("CASEWORK_CRYPTO_KEY", KEY);
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    static long count(String database, String table) {
        try (Connection connection = StationServer.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
