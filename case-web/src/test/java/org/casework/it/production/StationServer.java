package org.casework.it.production;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.CaseworkApplication;
import org.casework.commands.Commands;
import org.casework.it.Api;
import org.casework.it.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The station server started the way an operator starts it (profiles, key and database from the
 * command line), on a database that outlives the server (in-memory H2, or MariaDB with
 * {@code -Pmariadb}), so a test can stop it, run a command of the jar on the same database and
 * start it again.
 */
final class StationServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StationServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    private static final List<String> CREATED = new ArrayList<>();

    /**
     * A fresh database: in-memory H2 kept until the JVM ends, or (with {@code -Pmariadb}) a new
     * database on the local MariaDB, dropped by {@link #dropDatabases()}.
     */
    static String newDatabase() {
        String name =
                "production_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (TestDatabase.onMariaDb()) {
            execute(MARIADB, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            CREATED.add(name);
            return MARIADB + name;
        }
        return "jdbc:h2:mem:" + name
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    }

    static void dropDatabases() {
        CREATED.forEach(name -> execute(MARIADB, "DROP DATABASE IF EXISTS " + name));
        CREATED.clear();
    }

    static Connection connect(String database) throws SQLException {
        return database.startsWith("jdbc:mariadb:")
                ? DriverManager.getConnection(database, "root", "")
                : DriverManager.getConnection(database, "sa", "");
    }

    /** The schema that holds the tables ({@code INFORMATION_SCHEMA.TABLE_SCHEMA}). */
    static String schema(String database) {
        return database.startsWith("jdbc:mariadb:") ? database.substring(MARIADB.length()) : "public";
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's arguments for this database and key, plus more ({@code --name=value}). */
    static List<String> arguments(String database, String key, String... more) {
        List<String> arguments = new ArrayList<>(databaseArguments(database));
        arguments.add("--casework.crypto.key=" + key);
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** For a command: the key is never an argument there, it comes with the environment. */
    static List<String> databaseArguments(String database) {
        boolean mariaDb = database.startsWith("jdbc:mariadb:");
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + (mariaDb ? "root" : "sa"),
                "--spring.datasource.password=",
                "--casework.security.bcrypt-strength=4",
                "--logging.level.root=WARN"));
        if (mariaDb) {
            // as application-it-mariadb.yml: name the product for Hibernate
            arguments.add("--spring.jpa.properties.jakarta.persistence.database-product-name=MariaDB");
            arguments.add("--spring.jpa.properties.jakarta.persistence.database-major-version=10");
            arguments.add("--spring.jpa.properties.jakarta.persistence.database-minor-version=11");
        }
        return arguments;
    }

    static StationServer start(String database, String key, String... more) {
        List<String> arguments = arguments(database, key, more);
        arguments.add("--server.port=0");
        return new StationServer(
                new SpringApplicationBuilder(CaseworkApplication.class).run(arguments.toArray(String[]::new)));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A fresh token (not the per-port cache of {@link Api#tokenFor}: these servers come and go). */
    static String login(Api api, String username, String password) {
        Api.Response r = api.login(username, password);
        if (r.status() != 200) {
            throw new IllegalStateException(
                    "Login of " + username + " failed: " + r.raw().body());
        }
        return r.body().get("token").asString();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** What a command of the jar printed and returned. */
    record Run(int exitCode, String out, String err) {}

    /** Runs {@code java -jar case-web.jar <args>} in this JVM with this environment. */
    static Run command(Map<String, String> environment, Commands.PasswordReader passwords, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Commands.run(
                args.toArray(String[]::new),
                environment,
                new Commands.Terminal(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        passwords));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
