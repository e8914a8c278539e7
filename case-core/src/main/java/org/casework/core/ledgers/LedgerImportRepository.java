package org.casework.core.ledgers;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LedgerImportRepository extends JpaRepository<LedgerImportEntry, UUID> {

    List<LedgerImportEntry> findByFileSha256(String fileSha256);
}
