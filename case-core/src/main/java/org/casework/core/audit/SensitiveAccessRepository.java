package org.casework.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casework.core.audit.SensitiveAccessEntry.Outcome;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SensitiveAccessRepository extends JpaRepository<SensitiveAccessEntry, UUID> {

    List<SensitiveAccessEntry> findByClientIdOrderByOccurredAtDesc(UUID clientId);

    long countByActorAndOutcomeAndOccurredAtAfter(String actor, Outcome outcome, Instant since);

    boolean existsByActorAndOutcomeAndOccurredAtAfter(String actor, Outcome outcome, Instant since);

    Optional<SensitiveAccessEntry> findFirstByActorAndOutcomeAndOccurredAtAfterOrderByOccurredAt(
            String actor, Outcome outcome, Instant since);
}
