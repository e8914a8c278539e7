package org.casework.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's own options ({@code --admin NAME} or {@code --admin=NAME}) apart from the Spring
 * properties passed on to the application ({@code --spring.datasource.url=...}).
 */
final class Options {

    /** Secrets a command reads from the environment or the terminal only. */
    private static final Set<String> SECRETS =
            Set.of("password", "admin-password", "key", "new-key", "casework.crypto.key", "casework.crypto.new-key");

    /** What every command sets for itself (no web port, no jobs, no demo county). */
    private static final Set<String> COMMAND_SETTINGS = Set.of(
            "server.port",
            "casework.demo-data",
            "casework.scheduling.enabled",
            "casework.crypto.rotation",
            "spring.main.log-startup-info");

    private final Map<String, String> values = new HashMap<>();
    private final List<String> springArguments = new ArrayList<>();

    private Options() {}

    /**
     * @throws IllegalArgumentException an unknown option, a missing value, or a secret given as an
     *     argument (a password or key on the command line stays in the shell history and in the
     *     process list)
     */
    static Options parse(List<String> args, Set<String> known) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2).split("=", 2)[0];
            if (SECRETS.contains(name)) {
                throw new IllegalArgumentException("--" + name + " is never read from the command line (it would stay"
                        + " in the shell history and the process list): use the environment variable or the prompt");
            }
            if (known.contains(name)) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                options.values.put(name, value);
            } else if (arg.contains("=")) {
                if (COMMAND_SETTINGS.contains(name)) {
                    throw new IllegalArgumentException(arg + " is set by the command itself");
                }
                options.springArguments.add(arg);
            } else {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return options;
    }

    String value(String name) {
        return values.get(name);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value.strip();
    }

    List<String> springArguments() {
        return springArguments;
    }
}
