package org.casework.core.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SensitiveAccessRepository extends JpaRepository<SensitiveAccessEntry, UUID> {

    List<SensitiveAccessEntry> findByClientIdOrderByOccurredAtDesc(UUID clientId);
}
