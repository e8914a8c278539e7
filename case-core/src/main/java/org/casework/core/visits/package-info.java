/**
 * Visit rules and schedules (走访). {@link org.casework.core.visits.VisitPolicy} is the county's
 * configurable rule set; {@code visit_schedule} holds one row per client with the visiting level
 * and the next due day, so a worklist over 50,000 clients reads an index instead of applying the
 * rules to everyone on every request.
 *
 * <p>Design: the row is derived data, recomputed for one client at a time by
 * {@link org.casework.core.visits.VisitScheduleService#refresh}. The features that own the inputs
 * publish events inside their transactions — {@code ClientRegistered} and {@code ClientChanged}
 * (registry), {@code CaseChanged} (case opened, state or risk changed), {@code ServiceRecordsChanged}
 * (a visit logged or voided) — and a synchronous listener refreshes the row in the same
 * transaction, so this package depends on clients, cases and services and none of them on it. On
 * startup clients without a row are filled in batches (the first start after the migration), and
 * a nightly pass recomputes every row, because levels also change with time alone (a category
 * ends) and two concurrent writes for one client may leave the row a step behind. Both passes run
 * {@link org.casework.core.visits.VisitScheduleBatch}: 500 clients per transaction, a handful of
 * queries per batch, the same rule function as the per-client refresh, and only changed rows
 * written. Every written row publishes {@link org.casework.core.visits.VisitScheduleChanged}, which
 * the sync change log turns into a {@code visitDue} row for devices.
 */
package org.casework.core.visits;
