package org.casework.sync.server.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Locale;
import org.casework.sync.protocol.ResultStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Counts of device sync for the operators' dashboards (Prometheus): requests that pushed and
 * pulled, the outcome of every mutation (a rise of conflicts or quarantined edits wants a look at
 * {@code /sync/conflicts}) and the changes sent. Counts only: no user, device or record.
 */
@Component
public class SyncMeters {

    private final MeterRegistry registry;
    private final Counter pushes;
    private final Counter pulls;
    private final Counter changesPulled;

    public SyncMeters(ObjectProvider<MeterRegistry> registry) {
        // core tests run without Actuator: their counts go nowhere
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.pushes = Counter.builder("casework.sync.pushes")
                .description("Sync requests that carried at least one mutation")
                .register(this.registry);
        this.pulls = Counter.builder("casework.sync.pulls")
                .description("Sync requests (each pulls the changes since its cursor)")
                .register(this.registry);
        this.changesPulled = Counter.builder("casework.sync.changes.pulled")
                .description("Changed records sent to devices")
                .register(this.registry);
        for (ResultStatus status : ResultStatus.values()) {
            mutations(status);
        }
    }

    void recorded(List<MutationResult> results, int changesSent) {
        if (!results.isEmpty()) {
            pushes.increment();
        }
        for (MutationResult result : results) {
            mutations(result.status()).increment();
        }
        pulls.increment();
        changesPulled.increment(changesSent);
    }

    private Counter mutations(ResultStatus status) {
        return Counter.builder("casework.sync.mutations")
                .description("Mutations pushed by devices, by outcome (conflict and quarantined wait for the station)")
                .tag("status", status.wire().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
