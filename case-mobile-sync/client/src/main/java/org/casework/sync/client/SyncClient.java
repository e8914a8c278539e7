package org.casework.sync.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The facade for apps: register the device, edit offline ({@link #edits()}), read offline ({@link
 * #queries()}), and {@link #sync()} when a link is there. Not thread-safe: one sync at a time.
 */
public final class SyncClient implements AutoCloseable {

    public static final String VERSION = "1.0.0";

    /**
     * How to build a client. Only the store and the server are required; the rest is injectable for
     * tests (a fake transport, a fixed clock, a sleeper that records the backoff).
     */
    public static final class Config {
        Path database;
        SyncTransport transport;
        Clock clock = Clock.systemUTC();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        RetryPolicy retry = RetryPolicy.DEFAULT;
        Sleeper sleeper = Sleeper.REAL;
        DoubleSupplier random = new Random()::nextDouble;
        int pullLimit = 500;
        Supplier<UUID> ids = UUID::randomUUID;
        String language = "zh-CN";
        URI server;

        public Config database(Path file) {
            this.database = file;
            return this;
        }

        /** The station server, e.g. {@code http://station:8080}, with gzip HTTP. */
        public Config server(URI server) {
            this.server = server;
            return this;
        }

        /** The {@code Accept-Language} of the server's refusal messages (zh-CN by default). */
        public Config language(String language) {
            this.language = language;
            return this;
        }

        public Config transport(SyncTransport transport) {
            this.transport = transport;
            return this;
        }

        public Config clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Config zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Config retry(RetryPolicy retry, Sleeper sleeper, DoubleSupplier random) {
            this.retry = retry;
            this.sleeper = sleeper;
            this.random = random;
            return this;
        }

        /** Where new record and mutation ids come from (random by default; fixed in golden vectors). */
        public Config ids(Supplier<UUID> ids) {
            this.ids = ids;
            return this;
        }

        /** Changes per pull page ({@code limit} in the request). */
        public Config pullLimit(int limit) {
            this.pullLimit = limit;
            return this;
        }
    }

    private final LocalStore store;
    private final DeviceSession session;
    private final SyncEngine engine;
    private final OfflineEdits edits;
    private final LocalQueries queries;

    private SyncClient(Config config) {
        SyncTransport transport = config.transport != null || config.server == null
                ? config.transport
                : new HttpSyncTransport(config.server, Duration.ofSeconds(60), config.language);
        if (config.database == null || transport == null) {
            throw new IllegalArgumentException("a database file and a server are required");
        }
        this.store = LocalStore.open(config.database);
        this.session = new DeviceSession(store, transport, config.clock, config.retry, config.sleeper, config.random);
        this.engine = new SyncEngine(store, session, config.clock, config.pullLimit);
        this.edits = new OfflineEdits(store, config.clock, config.ids);
        this.queries = new LocalQueries(store, config.clock, config.zone);
    }

    public static SyncClient open(Config config) {
        return new SyncClient(config);
    }

    /**
     * Registers this store as a new device of the user (protocol §1) and returns the server's
     * warnings (e.g. {@code device.limitNear}). The store must have no unsent work.
     */
    public List<String> register(String username, String password, String deviceName) {
        List<String> warnings = new ArrayList<>();
        session.register(username, password, deviceName, VERSION)
                .forEach(w -> warnings.add(w.isString() ? w.asString() : Json.write(w)));
        return warnings;
    }

    public boolean registered() {
        return session.registered();
    }

    public String deviceId() {
        return store.meta(MetaKeys.DEVICE_ID);
    }

    /**
     * Sends the queued edits and brings the device's scope up to date, following {@code more} and
     * {@code resync}.
     *
     * @throws DeviceRevokedException the device was revoked: the store is wiped
     * @throws SyncException no usable answer after the retries; nothing local is lost
     */
    public SyncReport sync() {
        return engine.sync();
    }

    public OfflineEdits edits() {
        return edits;
    }

    public LocalQueries queries() {
        return queries;
    }

    /** The store itself, for diagnostics (the CLI's status) and tests. */
    public LocalStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
