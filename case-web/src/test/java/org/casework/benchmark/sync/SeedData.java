package org.casework.benchmark.sync;

import java.util.List;

/**
 * The benchmark's records of the measured village, as every peer receives them: seeded into our
 * database and exported as JSON for pouchdb-server. Strings only, so the JSON is the same for all.
 */
public record SeedData(String villageCode, String username, String password, List<Child> children, List<Visit> visits) {

    public record Child(
            String id,
            String fullName,
            String sex,
            String birthDate,
            String villageCode,
            String address,
            String fatherStatus,
            String fatherWorkplace,
            String motherStatus,
            String motherWorkplace,
            String guardianName,
            String guardianRelation,
            String carerName,
            String carerRelation,
            String school,
            String lastParentContact) {}

    /** A visit as logged: the id is the device's, so a peer can tell a replay from a new record. */
    public record Visit(
            String id,
            String clientId,
            String type,
            String occurredAt,
            Integer durationMinutes,
            String place,
            String participants,
            String notes) {}
}
