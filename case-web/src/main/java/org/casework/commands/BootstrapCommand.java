package org.casework.commands;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.commands.Commands.Terminal;
import org.casework.core.bootstrap.CountyBootstrap;
import org.casework.core.bootstrap.CountyBootstrap.FirstAdministrator;
import org.casework.core.bootstrap.CountyBootstrap.Result;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.RegionCode;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bootstrap --admin USERNAME --county CODE [--name DISPLAY_NAME]}: the first start of a
 * county (see {@link CountyBootstrap}). The password comes from {@code CASEWORK_BOOTSTRAP_PASSWORD}
 * or is typed twice at the terminal, never from an argument.
 */
final class BootstrapCommand {

    static final String PASSWORD_VARIABLE = "CASEWORK_BOOTSTRAP_PASSWORD";

    private final Map<String, String> environment;
    private final Terminal terminal;

    BootstrapCommand(Map<String, String> environment, Terminal terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    int run(List<String> args) {
        Options options;
        RegionCode county;
        String admin;
        try {
            options = Options.parse(args, Set.of("admin", "county", "name"));
            admin = options.required("admin");
            county = RegionCode.parse(options.required("county"));
        } catch (IllegalArgumentException | DomainException e) {
            terminal.err()
                    .println("bootstrap: "
                            + (e instanceof DomainException
                                    ? "--county: not a region code (6 digits, e.g. 410225)"
                                    : e.getMessage()));
            terminal.err().println(Commands.usage());
            return Commands.USAGE;
        }
        String password = password(admin);
        if (password == null) {
            return Commands.USAGE;
        }
        String displayName = options.value("name") == null ? "系统管理员" : options.value("name");
        ConfigurableApplicationContext context;
        try {
            context = Commands.start(environment, options.springArguments());
        } catch (RuntimeException e) {
            terminal.err().println("bootstrap: the server cannot start: " + Commands.rootMessage(e));
            return Commands.FAILED;
        }
        try (context) {
            return bootstrap(context, county, new FirstAdministrator(admin, displayName, password));
        }
    }

    private int bootstrap(ConfigurableApplicationContext context, RegionCode county, FirstAdministrator admin) {
        try {
            Result result = context.getBean(CountyBootstrap.class).bootstrap(county, admin);
            terminal.out()
                    .printf(
                            "County %s (%s) is set up: %d townships and %d villages imported, the county guidance centre"
                                    + " and %d stations created.%nAdministrator \"%s\" can now log in; create the other"
                                    + " accounts under Users (用户).%n",
                            result.countyName(),
                            county.value(),
                            result.townships(),
                            result.villages(),
                            result.stations(),
                            result.administrator());
            return Commands.DONE;
        } catch (DomainException e) {
            terminal.err()
                    .println("bootstrap: "
                            + context.getMessage(
                                    e.getMessageKey(),
                                    e.getArguments(),
                                    e.getMessageKey(),
                                    Commands.locale(environment)));
            return Commands.FAILED;
        }
    }

    /** From the environment, else typed twice at the terminal; null (with the reason said) when neither. */
    private String password(String admin) {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (terminal.passwords() == null) {
            terminal.err().println("bootstrap: no terminal to type the password at: set " + PASSWORD_VARIABLE);
            return null;
        }
        char[] first = terminal.passwords().read("Password for " + admin + ": ");
        char[] second = terminal.passwords().read("Repeat the password: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                terminal.err().println("bootstrap: the passwords differ");
                return null;
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, ' ');
            }
            if (second != null) {
                Arrays.fill(second, ' ');
            }
        }
    }
}
