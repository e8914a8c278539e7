package org.casework.sync.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casework.sync.protocol.PulledRecord.ClientRecord;
import org.casework.sync.protocol.PulledRecord.VisitDueRecord;

/** What the app shows offline, read from the local store only. */
public final class LocalQueries {

    /** A visit due within this many days is "due" (listed right after the overdue ones). */
    static final int DUE_WINDOW_DAYS = 7;

    public enum Due {
        OVERDUE,
        DUE,
        LATER,
        NONE
    }

    public record ChildSummary(
            String id,
            String name,
            String village,
            LocalDate nextDueOn,
            LocalDate lastVisitOn,
            Due due,
            SyncState state) {}

    public record ChildCard(
            StoredRecord child, Optional<StoredRecord> visitDue, List<StoredRecord> visits, List<StoredRecord> flags) {}

    private final LocalStore store;
    private final Clock clock;
    private final ZoneId zone;

    public LocalQueries(LocalStore store, Clock clock, ZoneId zone) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The children of a village ({@code null}: of every village held), overdue visits first, then
     * due ones, each by due date, then the rest by name.
     */
    public List<ChildSummary> children(String villageCode) {
        Map<String, StoredRecord> dues = new HashMap<>();
        store.recordsOfType("visitDue").forEach(d -> dues.put(d.field("client"), d));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<StoredRecord> children = villageCode == null
                ? store.recordsOfType("client")
                : store.records("where t = 'client' and scope = ?", villageCode);
        return children.stream()
                .map(c -> summary(c, dues.get(c.id()), today))
                .sorted(Comparator.comparing(ChildSummary::due)
                        .thenComparing(ChildSummary::nextDueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ChildSummary::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** A child's card: the profile, the visit schedule, the visits and flags held for the child. */
    public Optional<ChildCard> child(UUID clientId) {
        String id = clientId.toString();
        return store.record("client", id)
                .map(child -> new ChildCard(
                        child,
                        store.recordsOfType("visitDue").stream()
                                .filter(d -> id.equals(d.field("client")))
                                .findFirst(),
                        store.recordsOfType("visit").stream()
                                .filter(v -> id.equals(v.field("client")))
                                .sorted(Comparator.comparing(
                                                (StoredRecord v) -> v.field("occurredAt"),
                                                Comparator.nullsLast(Comparator.naturalOrder()))
                                        .reversed())
                                .toList(),
                        store.recordsOfType("flag").stream()
                                .filter(f -> id.equals(f.field("client")))
                                .toList()));
    }

    /** The user's flags, newest first, with their server status and sync state. */
    public List<StoredRecord> myFlags() {
        return store.recordsOfType("flag").stream()
                .sorted(Comparator.comparing(
                                (StoredRecord f) -> f.field("raisedAt"),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
    }

    /** Edits not yet acknowledged by the server. */
    public long pendingCount() {
        return store.outbox().size();
    }

    public Optional<Instant> lastSyncTime() {
        return Optional.ofNullable(Json.instant(store.meta(MetaKeys.LAST_SYNC_AT)));
    }

    /** A record's sync state; the rejection or quarantine reason is in {@link StoredRecord#reason()}. */
    /** Open-case summaries held (station workers' devices only), by case number. */
    public List<StoredRecord> openCases() {
        return store.recordsOfType("case").stream()
                .sorted(java.util.Comparator.comparing(c -> String.valueOf(c.field("number"))))
                .toList();
    }

    /** The "call the station" numbers of the device's villages (reference data). */
    public List<StoredRecord> stations() {
        return store.recordsOfType("station");
    }

    public Optional<StoredRecord> record(String type, UUID id) {
        return store.record(type, id.toString());
    }

    /** Records that need the user's attention: refused, in conflict or set aside by the server. */
    public List<StoredRecord> needingAttention() {
        return store.records("where state in ('REJECTED', 'CONFLICT', 'QUARANTINED') order by t, id");
    }

    private ChildSummary summary(StoredRecord child, StoredRecord due, LocalDate today) {
        VisitDueRecord schedule = due == null ? null : due.as(VisitDueRecord.class);
        LocalDate next = schedule == null ? null : schedule.nextDueOn();
        LocalDate last = schedule == null ? null : schedule.lastVisitOn();
        Due status = next == null
                ? Due.NONE
                : next.isBefore(today)
                        ? Due.OVERDUE
                        : next.isAfter(today.plusDays(DUE_WINDOW_DAYS)) ? Due.LATER : Due.DUE;
        return new ChildSummary(
                child.id(), child.as(ClientRecord.class).name(), child.scope(), next, last, status, child.state());
    }
}
