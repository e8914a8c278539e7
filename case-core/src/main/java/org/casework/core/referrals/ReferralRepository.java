package org.casework.core.referrals;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Referrals are reached either as the receiving department or within the sender's jurisdiction. */
public interface ReferralRepository extends JpaRepository<Referral, UUID> {

    @Query("select r from Referral r where r.id = :id and r.receivingOrganisationId = :organisationId")
    Optional<Referral> findReceived(@Param("id") UUID id, @Param("organisationId") UUID organisationId);

    @Query("select r from Referral r where r.id = :id and r.sendingRegionCode like :scope")
    Optional<Referral> findSentInScope(@Param("id") UUID id, @Param("scope") String scope);

    @Query(
            value = "select r from Referral r where r.receivingOrganisationId = :organisationId"
                    + " and r.status in :statuses order by r.sentAt desc",
            countQuery = "select count(r) from Referral r where r.receivingOrganisationId = :organisationId"
                    + " and r.status in :statuses")
    Page<Referral> findReceived(
            @Param("organisationId") UUID organisationId,
            @Param("statuses") Collection<ReferralStatus> statuses,
            Pageable pageable);

    @Query(
            value = "select r from Referral r where r.sendingRegionCode like :scope"
                    + " and r.status in :statuses order by r.sentAt desc",
            countQuery = "select count(r) from Referral r where r.sendingRegionCode like :scope"
                    + " and r.status in :statuses")
    Page<Referral> findSentInScope(
            @Param("scope") String scope, @Param("statuses") Collection<ReferralStatus> statuses, Pageable pageable);

    List<Referral> findByCaseIdOrderBySentAtDesc(UUID caseId);

    boolean existsByPreviousReferralId(UUID previousReferralId);

    Optional<Referral> findFirstByPreviousReferralId(UUID previousReferralId);

    long countByReceivingOrganisationIdAndStatus(UUID receivingOrganisationId, ReferralStatus status);

    /** Referrals still waiting for a response past their due time and not yet escalated, oldest first. */
    @Query("select r.id from Referral r where r.status = org.casework.core.referrals.ReferralStatus.SENT"
            + " and r.escalatedAt is null and r.responseDueAt < :now order by r.responseDueAt")
    List<UUID> findOverdueIds(@Param("now") Instant now, Pageable limit);

    /**
     * Claims the escalation of one referral: only one caller, on whichever server instance, changes
     * the row; the others see 0. Bumps the version so a concurrent stale write is refused.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Referral r set r.escalatedAt = :now, r.version = r.version + 1"
            + " where r.id = :id and r.escalatedAt is null"
            + " and r.status = org.casework.core.referrals.ReferralStatus.SENT")
    int claimEscalation(@Param("id") UUID id, @Param("now") Instant now);
}
