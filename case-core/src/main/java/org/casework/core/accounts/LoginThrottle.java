package org.casework.core.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords in token buckets (Bucket4j), one per username typed and one per client
 * address, and says how long the next attempt must wait. Only failures spend tokens; a bucket
 * refills evenly, so the waits grow as the longer limits run dry and end by themselves.
 *
 * <p>The username bucket is kept for any name typed, known or not, so an unknown user is throttled
 * exactly like a real one and the answers tell nothing about which accounts exist. Buckets live in
 * this server's memory (bounded, forgotten when idle or on restart): several server instances each
 * count their own.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final LoginPolicy policy;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(LoginPolicy policy, Clock clock) {
        this.policy = policy;
        // the server's clock, so a test clock moved forward also lets throttles run out
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        Duration longest = Stream.concat(policy.accountLimits().stream(), policy.addressLimits().stream())
                .map(LoginPolicy.Limit::per)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        // an idle bucket is full again after its longest period: forgetting it then changes nothing
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterAccess(longest)
                .build();
    }

    /** How long the caller must wait before this username may be tried from this address; empty: now. */
    Optional<Duration> waitBefore(String username, String address) {
        return Stream.of(waitOf(accountKey(username)), waitOf(addressKey(address)))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** The wait of the username alone, for the administrators' view. */
    Optional<Duration> accountWait(String username) {
        return waitOf(accountKey(username));
    }

    /** A wrong password for this username from this address. */
    void failed(String username, String address) {
        spend(accountKey(username), policy.accountLimits());
        spend(addressKey(address), policy.addressLimits());
    }

    /**
     * The right password (or an administrator's unlock or reset): the username starts afresh. The
     * address keeps its count, so logging in to one's own account does not buy more guesses at others.
     */
    void clear(String username) {
        buckets.invalidate(accountKey(username));
    }

    private Optional<Duration> waitOf(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private void spend(String key, List<LoginPolicy.Limit> limits) {
        buckets.get(key, k -> newBucket(limits)).tryConsume(1);
    }

    private Bucket newBucket(List<LoginPolicy.Limit> limits) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        for (LoginPolicy.Limit limit : limits) {
            builder.addLimit(l -> l.capacity(limit.failures()).refillGreedy(limit.failures(), limit.per()));
        }
        return builder.build();
    }

    private static String accountKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "?" : address);
    }
}
