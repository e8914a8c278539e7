package org.casework.core.flags;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FlagRepository extends JpaRepository<Flag, UUID> {

    /** Untriaged red flags, oldest first (the queue puts the mandatory-report ones first: see FlagQueue). */
    @Query("select f from Flag f where f.status = org.casework.core.flags.FlagStatus.UNTRIAGED"
            + " and f.severity = org.casework.core.shared.RiskLevel.RED and f.villageCode like :scope"
            + " order by f.raisedAt, f.id")
    List<Flag> untriagedRedsInScope(@Param("scope") String scope);

    /** Untriaged flags below red: most severe first, then the oldest. */
    @Query("select f from Flag f where f.status = org.casework.core.flags.FlagStatus.UNTRIAGED"
            + " and f.severity <> org.casework.core.shared.RiskLevel.RED and f.villageCode like :scope"
            + " order by case f.severity when org.casework.core.shared.RiskLevel.ORANGE then 1"
            + " when org.casework.core.shared.RiskLevel.YELLOW then 2 else 3 end, f.raisedAt, f.id")
    List<Flag> untriagedOthersInScope(@Param("scope") String scope, Pageable pageable);

    @Query("select f from Flag f where f.villageCode like :scope order by f.raisedAt desc, f.id")
    Page<Flag> allInScope(@Param("scope") String scope, Pageable pageable);

    @Query("select f from Flag f where f.reporterId = :reporter order by f.raisedAt desc, f.id")
    Page<Flag> raisedBy(@Param("reporter") UUID reporter, Pageable pageable);

    @Query("select f from Flag f where f.clientId = :clientId order by f.raisedAt desc")
    List<Flag> aboutClient(@Param("clientId") UUID clientId);

    List<Flag> findByOutcomeCaseIdOrderByRaisedAtAsc(UUID caseId);

    @Query("select count(f) from Flag f where f.status = org.casework.core.flags.FlagStatus.UNTRIAGED"
            + " and f.villageCode like :scope")
    long countUntriaged(@Param("scope") String scope);

    @Query("select count(f) from Flag f where f.status = org.casework.core.flags.FlagStatus.UNTRIAGED"
            + " and f.villageCode like :scope and f.triageDueAt < :now")
    long countOverdue(@Param("scope") String scope, @Param("now") Instant now);

    @Query("select f.id from Flag f where f.status = org.casework.core.flags.FlagStatus.UNTRIAGED"
            + " and f.escalatedHeadAt is null and f.triageDueAt <= :now")
    List<UUID> dueForHeadEscalation(@Param("now") Instant now);

    @Query("select f.id from Flag f where f.status = org.casework.core.flags.FlagStatus.UNTRIAGED"
            + " and f.escalatedCountyAt is null and f.countyDueAt <= :now")
    List<UUID> dueForCountyEscalation(@Param("now") Instant now);

    /**
     * Claims the station-head escalation of one flag: exactly one caller (of any server instance)
     * changes the row and gets 1; the others get 0 and do nothing.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Flag f set f.escalatedHeadAt = :now where f.id = :id and f.escalatedHeadAt is null"
            + " and f.status = org.casework.core.flags.FlagStatus.UNTRIAGED")
    int claimHeadEscalation(@Param("id") UUID id, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Flag f set f.escalatedCountyAt = :now where f.id = :id and f.escalatedCountyAt is null"
            + " and f.status = org.casework.core.flags.FlagStatus.UNTRIAGED")
    int claimCountyEscalation(@Param("id") UUID id, @Param("now") Instant now);
}
