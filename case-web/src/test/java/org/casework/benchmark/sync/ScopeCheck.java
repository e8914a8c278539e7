package org.casework.benchmark.sync;

/**
 * The like-for-like runs' guard (issue 16): the scope export ({@link CaseworkPeer#scopeDocuments},
 * what the PouchDB and naive "-scope" peers are given) must hold as many records as a casework
 * device holds after its initial sync of the same village. The two are compared only while no
 * scenario has changed the village's records on our server (the visit and two-device scenarios
 * add visits and due dates to the scope); a mismatch is kept and {@link #verify} fails the run
 * after its report is written.
 */
public final class ScopeCheck {

    private int exported = -1;
    private int device = -1;
    private boolean changed;
    private String mismatch;

    /** A scope export of {@code records} records was taken. */
    public void exported(int records) {
        if (!changed) {
            exported = records;
            compare();
        }
    }

    /** A casework device holds {@code records} records after its initial sync. */
    public void deviceHolds(int records) {
        if (!changed && device < 0) {
            device = records;
            compare();
        }
    }

    /** A scenario changed the village's records on our server: later counts are not comparable. */
    public void villageChanged() {
        changed = true;
    }

    /** One line for the report. */
    public String summary() {
        if (mismatch != null) {
            return "scope check FAILED: " + mismatch;
        }
        if (exported < 0 || device < 0) {
            return "scope check: not made (needs a scope export and a casework initial sync before any scenario"
                    + " changes the village)";
        }
        return "scope check: the scope export holds %d records, the casework device %d".formatted(exported, device);
    }

    /** Fails when an export and the casework device differed. */
    public void verify() {
        if (mismatch != null) {
            throw new IllegalStateException(mismatch);
        }
    }

    private void compare() {
        if (exported >= 0 && device >= 0 && exported != device && mismatch == null) {
            mismatch = "the scope export holds %d records, the casework device %d after its initial sync of the same"
                            .formatted(exported, device)
                    + " village: the like-for-like peers would not move the device's records";
        }
    }
}
