package org.casework.sync.server.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.devices.DeviceRepository;
import org.casework.core.devices.SyncLimits;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * One sync round trip (protocol §2): the device's mutations first (each in its own transaction),
 * then the pull, so the device sees the effects of its own mutations in the same response. {@link
 * #stream} hands the answer out as it is made (results, then each change, then the cursor and the
 * rest), so the endpoint can send it while the pull is still reading.
 */
@Service
@RequiredArgsConstructor
public class SyncService {

    private final MutationService mutations;
    private final PullService pulls;
    private final CurrentActor currentActor;
    private final SyncLimits limits;
    private final DeviceRepository devices;
    private final SyncMeters meters;
    private final Clock clock;

    public record Outcome(
            long ack, List<MutationResult> results, PullService.Pull pull, Instant serverTime, List<String> warnings) {}

    /** Thrown before anything is applied when a batch is larger than the limit (HTTP 413). */
    public static class TooManyMutations extends DomainException {
        public TooManyMutations(int max) {
            super("sync.tooMany", max);
        }
    }

    /** The answer of a streamed sync, in the order of the wire: results, changes, then the end. */
    public interface Answer {
        void pushed(long ack, List<MutationResult> results);

        void change(SyncChange change);

        void end(PullService.Tail tail, Instant serverTime, List<String> warnings);
    }

    /** The same sync as {@link #sync}, its answer handed to {@code answer} piece by piece. */
    public void stream(
            UUID deviceId,
            String cursor,
            List<DeviceMutation> batch,
            Map<String, String> checksums,
            Integer limit,
            Answer answer) {
        Actor actor = currentActor.get();
        SyncScope.require(actor);
        if (batch != null && batch.size() > limits.maxMutationsPerSync()) {
            throw new TooManyMutations(limits.maxMutationsPerSync());
        }
        MutationService.Push push = mutations.apply(actor, deviceId, batch == null ? List.of() : batch);
        answer.pushed(push.ack(), push.results());
        PullService.Tail tail = pulls.stream(actor, deviceId, cursor, checksums, limit, answer::change);
        meters.recorded(push.results(), tail.changes());
        answer.end(tail, clock.instant(), warnings(actor));
    }

    public Outcome sync(
            UUID deviceId, String cursor, List<DeviceMutation> batch, Map<String, String> checksums, Integer limit) {
        Actor actor = currentActor.get();
        SyncScope.require(actor);
        if (batch != null && batch.size() > limits.maxMutationsPerSync()) {
            throw new TooManyMutations(limits.maxMutationsPerSync());
        }
        MutationService.Push push = mutations.apply(actor, deviceId, batch == null ? List.of() : batch);
        PullService.Pull pull = pulls.pull(actor, deviceId, cursor, checksums, limit);
        meters.recorded(push.results(), pull.changes().size());
        return new Outcome(push.ack(), push.results(), pull, clock.instant(), warnings(actor));
    }

    private List<String> warnings(Actor actor) {
        List<String> warnings = new java.util.ArrayList<>();
        // Same rule as at registration: at the limit minus one active devices or more.
        if (devices.countByUserIdAndRevokedAtIsNull(actor.userId()) >= limits.maxDevicesPerUser() - 1) {
            warnings.add("device.limitNear");
        }
        return warnings;
    }
}
