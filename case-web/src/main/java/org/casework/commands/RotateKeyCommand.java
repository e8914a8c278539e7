package org.casework.commands;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.commands.Commands.Terminal;
import org.casework.core.keys.KeyRefusedException;
import org.casework.core.keys.KeyRotation;
import org.casework.core.keys.KeyRotation.Report;
import org.casework.core.keys.PublishedKeys;
import org.casework.core.shared.FieldCipher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rotate-key [--batch-size N]}: re-encrypts every sensitive field from the current key
 * ({@code CASEWORK_CRYPTO_KEY}, as the server reads it) to {@code CASEWORK_CRYPTO_NEW_KEY} (see
 * {@link KeyRotation}). Run with the server stopped; after it, start the server with the new key.
 */
final class RotateKeyCommand {

    static final String NEW_KEY_VARIABLE = "CASEWORK_CRYPTO_NEW_KEY";
    private static final int DEFAULT_BATCH = 500;

    private final Map<String, String> environment;
    private final Terminal terminal;

    RotateKeyCommand(Map<String, String> environment, Terminal terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    int run(List<String> args) {
        Options options;
        int batchSize;
        FieldCipher to;
        try {
            options = Options.parse(args, Set.of("batch-size"));
            batchSize =
                    options.value("batch-size") == null ? DEFAULT_BATCH : Integer.parseInt(options.value("batch-size"));
            if (batchSize < 1) {
                throw new IllegalArgumentException("--batch-size must be at least 1");
            }
            to = newKey();
        } catch (IllegalArgumentException | IllegalStateException e) {
            terminal.err().println("rotate-key: " + e.getMessage());
            return e instanceof KeyRefusedException ? Commands.FAILED : Commands.USAGE;
        }
        ConfigurableApplicationContext context;
        try {
            // the current key may be the published one being moved away from: rotation mode lets it in
            context = Commands.start(environment, options.springArguments(), "--casework.crypto.rotation=true");
        } catch (RuntimeException e) {
            terminal.err().println("rotate-key: the server cannot start: " + Commands.rootMessage(e));
            return Commands.FAILED;
        }
        try (context) {
            FieldCipher from = context.getBean(FieldCipher.class);
            terminal.out().printf("Rotating from key id %s to key id %s%n", from.keyId(), to.keyId());
            Report report = context.getBean(KeyRotation.class).rotate(from, to, batchSize, terminal.out()::println);
            if (report.alreadyDone()) {
                terminal.out().printf("The database is under key id %s already: nothing to do.%n", to.keyId());
            } else {
                report.reencrypted().forEach((column, count) -> terminal.out().printf("  %-40s %d%n", column, count));
                terminal.out()
                        .printf(
                                "Done: %d values re-encrypted under key id %s. Start the server with"
                                        + " CASEWORK_CRYPTO_KEY set to the new key; keep the old key until a backup under"
                                        + " the new key exists.%n",
                                report.total(), to.keyId());
            }
            return Commands.DONE;
        } catch (RuntimeException e) {
            terminal.err().println("rotate-key: stopped: " + Commands.rootMessage(e));
            terminal.err().println("Nothing is lost: run the same command again to finish the rotation.");
            return Commands.FAILED;
        }
    }

    private FieldCipher newKey() {
        String key = environment.get(NEW_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(
                    NEW_KEY_VARIABLE + " is not set: it must hold the new key" + " (head -c 32 /dev/urandom | base64)");
        }
        FieldCipher cipher;
        try {
            cipher = new FieldCipher(key);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(
                    NEW_KEY_VARIABLE + ": " + e.getMessage().replace("casework.crypto.key", "the key"));
        }
        PublishedKeys.problem(key).ifPresent(problem -> {
            throw new KeyRefusedException(NEW_KEY_VARIABLE + " must not be used: " + problem);
        });
        return cipher;
    }
}
