package org.casework.core.clients;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistryReviewRepository extends JpaRepository<RegistryReview, UUID> {

    List<RegistryReview> findByClientIdOrderByDueOnDesc(UUID clientId);
}
