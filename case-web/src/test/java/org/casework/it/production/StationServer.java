package org.casework.it.production;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.CaseworkApplication;
import org.casework.commands.Commands;
import org.casework.it.Api;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The station server started the way an operator starts it (profiles, key and database from the
 * command line), on an in-memory H2 database that outlives the server, so a test can stop it, run a
 * command of the jar on the same database and start it again.
 */
final class StationServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StationServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A fresh database, kept until the JVM ends. */
    static String newDatabase() {
        return "jdbc:h2:mem:production-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
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
        return List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--casework.security.bcrypt-strength=4",
                "--logging.level.root=WARN");
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
