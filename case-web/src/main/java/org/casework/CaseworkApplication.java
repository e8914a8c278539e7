package org.casework;

import org.casework.commands.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The station server: one jar that serves the station web UI, the REST API and device sync. The
 * same jar runs the operators' commands ({@code bootstrap}, {@code rotate-key}; see README).
 */
@SpringBootApplication
public class CaseworkApplication {

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args, System.getenv(), Commands.Terminal.system()));
        }
        SpringApplication.run(CaseworkApplication.class, args);
    }
}
