package org.casework.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casework.CaseworkApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the station server on one database, as behind the load balancer: each a whole
 * application on its own random port. On H2 they share a named in-memory database; with
 * {@code -Pmariadb}, the run's MariaDB database. The first is started (migrated, seeded) before the
 * second, as a rolling start would. Properties are given as command-line arguments, so they win
 * over the profiles' files.
 */
public final class TwoInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    private TwoInstances() {}

    public static TwoInstances start(String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("server.port=0");
        if (!TestDatabase.onMariaDb()) {
            all.add("spring.datasource.url=jdbc:h2:mem:two-instances-" + UUID.randomUUID()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        }
        TwoInstances instances = new TwoInstances();
        try {
            for (int i = 0; i < 2; i++) {
                instances.contexts.add(new SpringApplicationBuilder(CaseworkApplication.class)
                        .profiles(new TestProfiles().resolve(TwoInstances.class))
                        .run(all.stream().map(p -> "--" + p).toArray(String[]::new)));
            }
        } catch (RuntimeException e) {
            instances.close();
            throw e;
        }
        return instances;
    }

    public ConfigurableApplicationContext first() {
        return contexts.get(0);
    }

    public ConfigurableApplicationContext second() {
        return contexts.get(1);
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
