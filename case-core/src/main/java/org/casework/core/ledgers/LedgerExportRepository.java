package org.casework.core.ledgers;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LedgerExportRepository extends JpaRepository<LedgerExportEntry, UUID> {

    List<LedgerExportEntry> findByActorOrderByOccurredAtDesc(String actor);
}
