package org.casework.core.plans;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Plans are reached through their case, whose scope the service checks first. */
public interface ServicePlanRepository extends JpaRepository<ServicePlan, UUID> {

    /** The case's versions, newest first. */
    List<ServicePlan> findByCaseIdOrderByVersionNumberDesc(UUID caseId);

    Optional<ServicePlan> findFirstByCaseIdOrderByVersionNumberDesc(UUID caseId);

    boolean existsByCaseIdAndStatusAndVersionNumberGreaterThan(UUID caseId, PlanStatus status, int versionNumber);
}
