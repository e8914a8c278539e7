package org.casework.sync.server.engine;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.Actor;
import org.casework.core.services.ServiceType;
import org.springframework.stereotype.Component;

/**
 * The checksum of a scope key (protocol §2.3): SHA-256 of "t:id:v\n" lines sorted by type then id.
 * Reads only ids and versions (not whole records), so it is cheap enough for every sync.
 */
@Component
@RequiredArgsConstructor
public class SyncChecksums {

    private final EntityManager em;
    private final SyncReader reader;
    private final Clock clock;

    public String of(Actor actor, String scope) {
        List<String> lines = new ArrayList<>();
        if (SyncScope.REF.equals(scope) || SyncScope.byAssignment(actor)) {
            // Reference data, or a station worker's few assigned clients: read through the reader,
            // so the checksum covers exactly the records (and filters) the device was sent.
            for (SyncRecord r : reader.all(actor, scope)) {
                lines.add(line(r.type(), r.id(), r.version()));
            }
        } else {
            add(
                    lines,
                    ChangeLog.CLIENT,
                    "select c.id, c.version from Client c where c.residenceRegionCode = :v",
                    scope);
            add(lines, ChangeLog.HOUSEHOLD, "select h.id, h.version from Household h where h.regionCode = :v", scope);
            for (Object[] row : em.createQuery(
                            "select s.clientId, s.refreshedAt from VisitSchedule s where s.regionCode = :v",
                            Object[].class)
                    .setParameter("v", scope)
                    .getResultList()) {
                long v = ((Instant) row[1]).truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
                lines.add(line(ChangeLog.VISIT_DUE, row[0].toString(), v));
            }
            for (Object[] row : em.createQuery(
                            "select f.id, f.version from Flag f where f.villageCode = :v and f.reporterId = :me",
                            Object[].class)
                    .setParameter("v", scope)
                    .setParameter("me", actor.userId())
                    .getResultList()) {
                lines.add(line(ChangeLog.FLAG, row[0].toString(), (Long) row[1]));
            }
            for (Object[] row : em.createQuery(
                            "select r.id, r.version from ServiceRecord r, Client c where c.id = r.clientId"
                                    + " and c.residenceRegionCode = :v and r.recordedBy = :me"
                                    + " and r.type in :types and r.occurredAt >= :since",
                            Object[].class)
                    .setParameter("v", scope)
                    .setParameter("me", actor.username())
                    .setParameter("types", ServiceType.VISITS)
                    .setParameter("since", clock.instant().minus(SyncReader.VISIT_DAYS, ChronoUnit.DAYS))
                    .getResultList()) {
                lines.add(line(ChangeLog.VISIT, row[0].toString(), (Long) row[1]));
            }
        }
        return digest(lines);
    }

    private void add(List<String> lines, String type, String query, String scope) {
        for (Object[] row :
                em.createQuery(query, Object[].class).setParameter("v", scope).getResultList()) {
            lines.add(line(type, row[0].toString(), (Long) row[1]));
        }
    }

    private static String line(String type, String id, Long version) {
        return type + ":" + id + ":" + (version == null ? 0 : version) + "\n";
    }

    /** Lines are "t:id:v\n"; sorting the lines sorts by t then id ("t:" ends each type name). */
    public static String digest(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort((a, b) -> {
            String[] x = a.split(":", 3);
            String[] y = b.split(":", 3);
            int byType = x[0].compareTo(y[0]);
            return byType != 0 ? byType : x[1].compareTo(y[1]);
        });
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : sorted) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
