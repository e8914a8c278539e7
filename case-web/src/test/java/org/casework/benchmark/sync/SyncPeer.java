package org.casework.benchmark.sync;

import java.util.List;
import org.casework.sync.proxy.LinkProfile;
import org.casework.sync.proxy.SyncProxy;

/**
 * One way of keeping a village device in sync with its server, driven through the benchmark's
 * scenarios. The harness seeds the server first, then per link profile calls {@link #open}, and
 * around each scenario reads the proxy's counters and {@link #serverCpuNanos()}; the peer only does
 * the device's work and reports the time it took and what arrived where.
 *
 * <p>Peers: {@link NaiveRestPeer} (our {@code /api/v1}, one request per record) and {@link
 * PouchDbPeer}; the casework sync client ({@code /api/sync/v1}) joins once it is merged.
 */
public interface SyncPeer extends AutoCloseable {

    String name();

    /**
     * Puts the seeded records on this peer's server in their initial state, a new proxy with the
     * link in front of it, and a new, empty device. Not measured.
     */
    SyncProxy open(LinkProfile link) throws Exception;

    /** CPU time the server has used so far; the harness takes differences. */
    long serverCpuNanos();

    /** (1) An empty device receives its whole scope. */
    Outcome initialSync() throws Exception;

    /** Changes made by others on the server meanwhile (the station): not the device's traffic, not measured. */
    void remoteChanges(List<SeedData.Visit> visits) throws Exception;

    /** (2) The device logged {@code local} offline; it syncs and must also receive the remote changes. */
    Outcome steadySync(List<SeedData.Visit> local, List<SeedData.Visit> expectedRemote) throws Exception;

    /** (3) Nothing changed anywhere. */
    Outcome noOpSync() throws Exception;

    /**
     * (4) The same child's school edited offline on this device (to {@code schoolOnA}) and on a
     * second one (to {@code schoolOnB}), both sync. The values are new in every run: writing a value
     * the record already holds is no change, so it would not clash.
     */
    Outcome sameChildOnTwoDevices(String childId, String schoolOnA, String schoolOnB) throws Exception;

    /** (5) The device logged {@code local}; every push reaches the server twice (a retry after a lost answer). */
    Outcome everyPushTwice(List<SeedData.Visit> local) throws Exception;

    /**
     * Records the device holds after its initial sync, for bytes per record; -1 when the peer holds
     * the data set's children and visits (the harness counts those).
     */
    default int recordsHeld() throws Exception {
        return -1;
    }

    @Override
    void close() throws Exception;

    /**
     * @param millis the device's wall time for the scenario's network work
     * @param correctness lost / duplicated / conflicts surfaced / conflicts hidden / ok
     * @param detail what was checked, for the report
     */
    record Outcome(double millis, String correctness, String detail) {}
}
