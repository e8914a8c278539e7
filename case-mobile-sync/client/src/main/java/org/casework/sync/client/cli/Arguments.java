package org.casework.sync.client.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options (repeatable) and one command word. */
final class Arguments {

    final String command;
    private final Map<String, List<String>> options = new HashMap<>();

    Arguments(String[] args) {
        String cmd = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new UsageException("missing value for " + arg);
                }
                options.computeIfAbsent(arg.substring(2), k -> new ArrayList<>())
                        .add(args[++i]);
            } else if (cmd == null) {
                cmd = arg;
            } else {
                throw new UsageException("unexpected argument: " + arg);
            }
        }
        this.command = cmd;
    }

    String get(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    String require(String name) {
        String value = get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required for " + command);
        }
        return value;
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    Integer integer(String name) {
        String value = get(name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number");
        }
    }

    /** A wrong command line: print the usage, exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
