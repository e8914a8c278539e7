package org.casework.core.devices;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SyncIssueRepository extends JpaRepository<SyncIssue, UUID> {

    @Query("select i from SyncIssue i where i.resolvedAt is null and i.regionCode like :scope order by i.occurredAt")
    List<SyncIssue> findOpenInScope(@Param("scope") String scopePattern);

    List<SyncIssue> findByMutationId(UUID mutationId);
}
