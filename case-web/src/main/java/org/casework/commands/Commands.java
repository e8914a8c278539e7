package org.casework.commands;

import java.io.Console;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casework.CaseworkApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Dispatches {@code java -jar case-web.jar <command> ...}. Exit codes: 0 done, 1 refused or failed,
 * 2 bad command line.
 */
public final class Commands {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** Where a command talks to the operator. {@code passwords} is null without a terminal. */
    public record Terminal(PrintStream out, PrintStream err, PasswordReader passwords) {

        public static Terminal system() {
            Console console = System.console();
            return new Terminal(
                    System.out, System.err, console == null ? null : prompt -> console.readPassword("%s", prompt));
        }
    }

    /** Reads a password without echoing it. */
    @FunctionalInterface
    public interface PasswordReader {
        char[] read(String prompt);
    }

    private Commands() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && List.of("bootstrap", "rotate-key", "help").contains(args[0]);
    }

    /**
     * Runs the command named by {@code args[0]}.
     *
     * @param environment the process environment (secrets come from here, never from arguments)
     */
    public static int run(String[] args, Map<String, String> environment, Terminal terminal) {
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "bootstrap" -> new BootstrapCommand(environment, terminal).run(rest);
            case "rotate-key" -> new RotateKeyCommand(environment, terminal).run(rest);
            default -> {
                terminal.out().println(usage());
                yield DONE;
            }
        };
    }

    static String usage() {
        return String.join(
                "\n",
                "Commands of the Casework server jar (see README: First start of a county, Keys and rotation):",
                "  bootstrap --admin USERNAME --county CODE [--name \"DISPLAY NAME\"]",
                "      First start of a county: imports its regions, creates the county guidance centre,",
                "      a station per township and the first administrator. Only while no administrator",
                "      exists. Password: CASEWORK_BOOTSTRAP_PASSWORD, or typed at the prompt.",
                "  rotate-key [--batch-size N]",
                "      Re-encrypts every sensitive field from CASEWORK_CRYPTO_KEY to CASEWORK_CRYPTO_NEW_KEY.",
                "      Stop the server first; safe to interrupt and run again.",
                "Database and key settings are the server's (CASEWORK_DB_URL, SPRING_PROFILES_ACTIVE, ...);",
                "any --spring.property=value argument is passed on.");
    }

    /**
     * The application without an HTTP port, scheduled jobs or demo county, for one command. The web
     * layer's beans still exist (the application is one), but nothing listens.
     *
     * @param environment the process environment: the database, profiles and key settings
     *     ({@code CASEWORK_DB_URL}, {@code CASEWORK_CRYPTO_KEY}, ...) come from here, as for the server
     * @param springArguments the operator's {@code --property=value} arguments
     * @param commandProperties what the command needs on top
     */
    static ConfigurableApplicationContext start(
            Map<String, String> environment, List<String> springArguments, String... commandProperties) {
        List<String> arguments = new ArrayList<>(springArguments);
        // the operator's own value wins for the quiet defaults; the others are the command's
        for (String quiet : List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            String name = quiet.substring(0, quiet.indexOf('=') + 1);
            if (springArguments.stream().noneMatch(a -> a.startsWith(name))) {
                arguments.add(quiet);
            }
        }
        arguments.addAll(List.of(
                "--server.port=-1",
                "--casework.demo-data=false",
                "--casework.scheduling.enabled=false",
                "--spring.main.log-startup-info=false"));
        arguments.addAll(List.of(commandProperties));
        Map<String, Object> variables = new HashMap<>(environment);
        return new SpringApplicationBuilder(CaseworkApplication.class)
                .initializers(context -> {
                    MutablePropertySources sources = context.getEnvironment().getPropertySources();
                    SystemEnvironmentPropertySource given =
                            new SystemEnvironmentPropertySource("commandEnvironment", variables);
                    if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
                        sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, given);
                    } else {
                        sources.addFirst(given);
                    }
                })
                .run(arguments.toArray(String[]::new));
    }

    /** The operator's language for messages from the bundles: English when LANG says so, else Chinese. */
    static Locale locale(Map<String, String> environment) {
        String lang = environment.getOrDefault("LANG", "");
        return lang.startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The innermost message of a failed start: the refusal the operator must read. */
    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.casework.core.keys.KeyRefusedException) {
                return t.getMessage();
            }
        }
        return cause.getMessage();
    }
}
