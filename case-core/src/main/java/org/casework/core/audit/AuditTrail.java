package org.casework.core.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the change history and the sensitive-access log. Joins the caller's transaction: a change
 * and its history commit together or not at all.
 */
@Service
@RequiredArgsConstructor
public class AuditTrail {

    private final ChangeLogRepository changes;
    private final SensitiveAccessRepository accesses;
    private final Clock clock;

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(String entityType, UUID entityId, String action, List<String> fields, String actor) {
        recordChange(entityType, entityId, action, fields, null, actor);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(
            String entityType, UUID entityId, String action, List<String> fields, String note, String actor) {
        changes.save(new ChangeLogEntry(entityType, entityId, action, fields, note, actor, clock.instant()));
    }

    /** The history of one record, newest first. Callers check that the record is in scope. */
    @Transactional(readOnly = true)
    public List<ChangeLogEntry> historyOf(UUID entityId) {
        return changes.findByEntityIdOrderByOccurredAtDesc(entityId);
    }

    @Transactional(readOnly = true)
    public List<SensitiveAccessEntry> sensitiveAccessesOf(UUID clientId) {
        return accesses.findByClientIdOrderByOccurredAtDesc(clientId);
    }
}
