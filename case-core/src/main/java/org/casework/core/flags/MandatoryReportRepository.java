package org.casework.core.flags;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MandatoryReportRepository extends JpaRepository<MandatoryReport, UUID> {

    Optional<MandatoryReport> findByFlagId(UUID flagId);

    @Query("select r.flagId from MandatoryReport r where r.flagId in :flagIds")
    List<UUID> flagsWithReports(@Param("flagIds") Collection<UUID> flagIds);

    List<MandatoryReport> findByCaseIdOrderByReportedAtDesc(UUID caseId);

    @Query("select r from MandatoryReport r where r.villageCode like :scope order by r.reportedAt desc, r.id")
    Page<MandatoryReport> inScope(@Param("scope") String scope, Pageable pageable);
}
