package org.casework.core.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChangeLogRepository extends JpaRepository<ChangeLogEntry, UUID> {

    List<ChangeLogEntry> findByEntityIdOrderByOccurredAtDesc(UUID entityId);
}
