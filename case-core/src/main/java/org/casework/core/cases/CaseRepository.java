package org.casework.core.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Finders take the caller's scope pattern, so out-of-scope cases are never loaded. */
public interface CaseRepository extends JpaRepository<CaseFile, UUID> {

    @Query("select c from CaseFile c where c.id = :id and c.regionCode like :scope")
    Optional<CaseFile> findInScope(UUID id, String scope);

    /**
     * Most urgent first (the level that counts; cases without a level last), newest first within a level. The level is stored as text, so SQL needs the order spelt
     * out: alphabetical would put GREEN before RED.
     */
    @Query("select c from CaseFile c where c.regionCode like :scope and c.state in :states"
            + " and (:worker is null or c.assignedWorkerId = :worker)"
            + " order by case c.effectiveRiskLevel"
            + " when org.casework.core.shared.RiskLevel.RED then 0"
            + " when org.casework.core.shared.RiskLevel.ORANGE then 1"
            + " when org.casework.core.shared.RiskLevel.YELLOW then 2"
            + " when org.casework.core.shared.RiskLevel.GREEN then 3 else 4 end, c.openedAt desc")
    Page<CaseFile> searchInScope(String scope, Collection<CaseState> states, UUID worker, Pageable pageable);

    @Query("select c from CaseFile c where c.primaryClientId = :clientId and c.regionCode like :scope"
            + " order by c.openedAt desc")
    List<CaseFile> findForClientInScope(UUID clientId, String scope);
}
