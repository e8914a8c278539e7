package org.casework.core.keys;

import org.casework.core.shared.FieldCipher;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks the encryption key before any migration runs, then migrates:
 *
 * <ul>
 *   <li>the key must be base64 of 32 bytes;
 *   <li>in production (profiles {@code mysql}, {@code mariadb}) it must not be a published or weak
 *       key ({@link PublishedKeys});
 *   <li>on a database that records its key ({@code crypto_key_state}), it must be that key, and no
 *       rotation may be unfinished.
 * </ul>
 *
 * A refused key stops the start before the schema or any data is touched. A database without a
 * recorded key (new, or from before key ids) gets the configured one recorded after migrating.
 *
 * <p>The {@code rotate-key} command sets {@code casework.crypto.rotation=true}: it starts with the
 * old key, which may be the published one it is moving away from, and checks the state itself.
 */
@Component
public class KeyCheckedMigration implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(KeyCheckedMigration.class);

    private final Environment environment;

    public KeyCheckedMigration(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void migrate(Flyway flyway) {
        String key = environment.getProperty("casework.crypto.key");
        FieldCipher cipher = new FieldCipher(key);
        boolean rotation = environment.getProperty("casework.crypto.rotation", Boolean.class, false);
        if (production() && !rotation) {
            PublishedKeys.problem(key).ifPresent(problem -> {
                throw new KeyRefusedException("casework.crypto.key (CASEWORK_CRYPTO_KEY) must not be used in"
                        + " production: " + problem + ". Generate a key with: head -c 32 /dev/urandom | base64");
            });
        }
        KeyStateStore states = new KeyStateStore(flyway.getConfiguration().getDataSource());
        if (!rotation) {
            states.read().ifPresent(state -> state.requireServable(cipher.keyId()));
        }
        flyway.migrate();
        states.recordIfAbsent(cipher.keyId());
        log.info("Sensitive fields are encrypted under key id {}", cipher.keyId());
    }

    /** The production profiles: a county's real data. */
    private boolean production() {
        return environment.matchesProfiles("mysql", "mariadb");
    }
}
