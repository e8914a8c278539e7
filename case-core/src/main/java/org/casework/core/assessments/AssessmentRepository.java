package org.casework.core.assessments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Assessments by id and by client; the service checks the client's scope before using either. */
public interface AssessmentRepository extends JpaRepository<Assessment, UUID> {

    List<Assessment> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    Optional<Assessment> findBySupersedes(UUID supersededId);

    boolean existsByCaseIdAndStatus(UUID caseId, AssessmentStatus status);

    List<Assessment> findByCaseIdOrderByCreatedAtDesc(UUID caseId);
}
