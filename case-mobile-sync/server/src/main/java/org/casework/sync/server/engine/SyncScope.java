package org.casework.sync.server.engine;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseState;
import org.casework.core.devices.SyncRoles;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.sync.protocol.SyncNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which scope keys a user's device holds (protocol §4), computed from the current role,
 * jurisdiction and case assignments at every sync. Village roles get their village; a station
 * worker gets "their assigned clients": the clients of the open cases assigned to them, each under
 * its village's key (so a worker's scope spans several villages, each key holding only that
 * village's assigned clients), plus the villages of their own flags. Other roles do not sync.
 */
@Component
@RequiredArgsConstructor
public class SyncScope {

    /** The scope key of reference data (regions, flag and visit types, stations). */
    public static final String REF = SyncNames.ScopeKey.REFERENCE;

    /**
     * Cases that put their client in the worker's scope: every case not finished — closed,
     * archived, not opened or transferred away. Wider than the caseload's "open" on purpose: a
     * lead being screened and a closed case's follow-up visits are field work too.
     */
    static final Set<CaseState> OPEN_STATES = EnumSet.complementOf(
            EnumSet.of(CaseState.CLOSED, CaseState.ARCHIVED, CaseState.NOT_OPENED, CaseState.TRANSFERRED));

    private final EntityManager em;

    public static boolean syncs(Role role) {
        return SyncRoles.syncs(role);
    }

    /** True when the scope is the worker's assigned clients rather than whole villages. */
    public static boolean byAssignment(Actor actor) {
        return actor.role() == Role.STATION_WORKER;
    }

    /** Refuses roles that do not sync. */
    public static void require(Actor actor) {
        SyncRoles.require(actor);
    }

    /** The village keys of the actor's scope. */
    public Set<String> villages(Actor actor) {
        require(actor);
        Set<String> keys = new LinkedHashSet<>();
        if (!byAssignment(actor)) {
            keys.add(actor.jurisdiction().value());
            return keys;
        }
        keys.addAll(new java.util.TreeSet<>(assignedClients(actor).values()));
        keys.addAll(em.createQuery(
                        "select distinct f.villageCode from Flag f where f.reporterId = :me"
                                + " and f.villageCode like :scope order by f.villageCode",
                        String.class)
                .setParameter("me", actor.userId())
                .setParameter("scope", actor.scopePattern())
                .getResultList());
        return keys;
    }

    /** Village keys plus reference data. */
    public Set<String> keys(Actor actor) {
        Set<String> keys = new LinkedHashSet<>(villages(actor));
        keys.add(REF);
        return keys;
    }

    /**
     * The station worker's assigned clients (client id → village): the primary clients and the
     * involved members of the open cases assigned to them, within their jurisdiction.
     */
    public Map<UUID, String> assignedClients(Actor actor) {
        if (!byAssignment(actor)) {
            return new LinkedHashMap<>();
        }
        // One pull asks for every page, delta and checksum of every village: read the
        // assignments once per transaction (they cannot change for the reader within it).
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            @SuppressWarnings("unchecked")
            Map<UUID, Map<UUID, String>> cache =
                    (Map<UUID, Map<UUID, String>>) TransactionSynchronizationManager.getResource(this);
            if (cache == null) {
                Map<UUID, Map<UUID, String>> created = new java.util.HashMap<>();
                TransactionSynchronizationManager.bindResource(this, created);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(SyncScope.this);
                    }
                });
                cache = created;
            }
            return new LinkedHashMap<>(cache.computeIfAbsent(actor.userId(), id -> readAssignedClients(actor)));
        }
        return readAssignedClients(actor);
    }

    private Map<UUID, String> readAssignedClients(Actor actor) {
        Map<UUID, String> clients = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>(em.createQuery(
                        "select k.primaryClientId from CaseFile k where k.assignedWorkerId = :me"
                                + " and k.state in :open and k.regionCode like :scope",
                        UUID.class)
                .setParameter("me", actor.userId())
                .setParameter("open", OPEN_STATES)
                .setParameter("scope", actor.scopePattern())
                .getResultList());
        ids.addAll(em.createQuery(
                        "select m from CaseFile k join k.memberIds m where k.assignedWorkerId = :me"
                                + " and k.state in :open and k.regionCode like :scope",
                        UUID.class)
                .setParameter("me", actor.userId())
                .setParameter("open", OPEN_STATES)
                .setParameter("scope", actor.scopePattern())
                .getResultList());
        if (ids.isEmpty()) {
            return clients;
        }
        for (Object[] row : em.createQuery(
                        "select c.id, c.residenceRegionCode from Client c where c.id in :ids"
                                + " and c.residenceRegionCode like :scope order by c.id",
                        Object[].class)
                .setParameter("ids", new LinkedHashSet<>(ids))
                .setParameter("scope", actor.scopePattern())
                .getResultList()) {
            clients.put((UUID) row[0], (String) row[1]);
        }
        return clients;
    }

    /** The assigned clients living in one village. */
    public Set<UUID> assignedIn(Actor actor, String village) {
        Set<UUID> ids = new LinkedHashSet<>();
        assignedClients(actor).forEach((id, v) -> {
            if (v.equals(village)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * The assignment-scoped records a station worker's device should hold ("type:id" → scope key):
     * assigned clients, their households and the worker's open cases (under the client's village).
     */
    public Map<String, String> held(Actor actor, Set<String> keys) {
        Map<String, String> held = new TreeMap<>();
        Map<UUID, String> clients = assignedClients(actor);
        clients.forEach((id, village) -> held.put(ChangeLog.CLIENT + ":" + id, village));
        if (clients.isEmpty()) {
            return held;
        }
        for (Object[] row : em.createQuery(
                        "select h.id, h.regionCode from Household h where h.id in"
                                + " (select c.householdId from Client c where c.id in :ids)",
                        Object[].class)
                .setParameter("ids", clients.keySet())
                .getResultList()) {
            if (keys.contains((String) row[1])) {
                held.put(ChangeLog.HOUSEHOLD + ":" + row[0], (String) row[1]);
            }
        }
        for (Object[] row : em.createQuery(
                        "select k.id, k.primaryClientId from CaseFile k where k.assignedWorkerId = :me"
                                + " and k.state in :open and k.primaryClientId in :ids",
                        Object[].class)
                .setParameter("me", actor.userId())
                .setParameter("open", OPEN_STATES)
                .setParameter("ids", clients.keySet())
                .getResultList()) {
            held.put(ChangeLog.CASE + ":" + row[0], clients.get((UUID) row[1]));
        }
        return held;
    }

    static String heldText(Map<String, String> held) {
        StringBuilder text = new StringBuilder();
        held.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    static Map<String, String> parseHeld(String text) {
        Map<String, String> held = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return held;
        }
        Arrays.stream(text.split("\n")).filter(l -> l.contains("=")).forEach(l -> {
            int eq = l.indexOf('=');
            held.put(l.substring(0, eq), l.substring(eq + 1));
        });
        return held;
    }
}
