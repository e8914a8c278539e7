package org.casework.core.services;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Callers check the client's or case's scope first; these finders then stay on one client or case. */
public interface ServiceRecordRepository extends JpaRepository<ServiceRecord, UUID> {

    /** A client's records, newest first; without case access only those logged outside a case. */
    @Query("select s from ServiceRecord s where s.clientId = :clientId and (:withCases = true or s.caseId is null)"
            + " order by s.occurredAt desc, s.id")
    Page<ServiceRecord> findForClient(UUID clientId, boolean withCases, Pageable pageable);

    @Query("select s from ServiceRecord s where s.caseId = :caseId order by s.occurredAt desc, s.id")
    Page<ServiceRecord> findForCase(UUID caseId, Pageable pageable);

    /** When the client was last visited (voided records do not count), or null if never. */
    @Query("select max(s.occurredAt) from ServiceRecord s where s.clientId = :clientId and s.type in :types"
            + " and s.voidedAt is null")
    Instant lastOccurrence(UUID clientId, Collection<ServiceType> types);

    default Instant lastVisitAt(UUID clientId) {
        return lastOccurrence(clientId, ServiceType.VISITS);
    }
}
