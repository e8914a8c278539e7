package org.casework.core.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientRepository;
import org.casework.core.clients.ClientService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The station's review of what devices sent and the server could not simply apply: profile
 * conflicts (keep the server value, or take the device's through the registry's own correction) and
 * quarantined edits. Station staff of the area only.
 */
@Service
@RequiredArgsConstructor
public class SyncIssueService {

    private final SyncIssueRepository issues;
    private final ClientService clients;
    private final ClientRepository clientRepository;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Clock clock;

    /** An open item with the client's name and the field's value now (it may have moved on). */
    public record IssueView(
            UUID id,
            SyncIssue.Kind kind,
            UUID clientId,
            String clientName,
            String regionCode,
            String field,
            String deviceValue,
            String serverValue,
            String currentValue,
            String deviceUser,
            Instant occurredAt,
            String payload) {}

    @Transactional(readOnly = true)
    public List<IssueView> open() {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        List<SyncIssue> open = issues.findOpenInScope(actor.scopePattern());
        Map<UUID, Client> byId = new HashMap<>();
        for (SyncIssue i : open) {
            if (i.getClientId() != null && !byId.containsKey(i.getClientId())) {
                // Not through ClientService.get: its NotFoundException would doom this transaction.
                byId.put(
                        i.getClientId(),
                        clientRepository
                                .findInScope(i.getClientId(), actor.scopePattern())
                                .orElse(null));
            }
        }
        return open.stream()
                .map(i -> {
                    Client c = i.getClientId() == null ? null : byId.get(i.getClientId());
                    Object now = c == null || i.getFieldName() == null
                            ? null
                            : ClientEdits.values(c).get(i.getFieldName());
                    return new IssueView(
                            i.getId(),
                            i.getKind(),
                            i.getClientId(),
                            c == null ? null : c.getFullName(),
                            i.getRegionCode(),
                            i.getFieldName(),
                            i.getDeviceValue(),
                            i.getServerValue(),
                            now == null ? null : String.valueOf(now),
                            i.getDeviceUser(),
                            i.getOccurredAt(),
                            i.getPayload());
                })
                .toList();
    }

    /**
     * Resolves an item: a conflict keeps the server value or takes the device's (written through
     * {@code ClientService.update}, with its validation); a quarantined edit is marked reviewed.
     */
    @Transactional
    public void resolve(UUID id, SyncIssue.Resolution resolution) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        SyncIssue issue = issues.findById(id)
                .filter(i -> i.getRegionCode() != null
                        && actor.covers(new org.casework.core.shared.RegionCode(i.getRegionCode())))
                .orElseThrow(() -> new NotFoundException("syncIssue"));
        if (!issue.isOpen()) {
            throw new ConflictException("sync.issue.resolved");
        }
        SyncIssue.Resolution how = resolution;
        if (issue.getKind() == SyncIssue.Kind.QUARANTINE) {
            how = SyncIssue.Resolution.REVIEWED;
        } else if (resolution == SyncIssue.Resolution.TAKE_DEVICE) {
            Client client = clients.get(issue.getClientId());
            clients.update(
                    client.getId(),
                    client.getVersion() == null ? 0 : client.getVersion(),
                    ClientEdits.withChanges(
                            client,
                            Map.of(
                                    issue.getFieldName(),
                                    issue.getDeviceValue() == null ? "" : issue.getDeviceValue())));
        } else {
            how = SyncIssue.Resolution.KEEP_SERVER;
        }
        issue.resolve(how, actor.username(), clock.instant());
        audit.recordChange("SyncIssue", id, "RESOLVED", null, how.name(), actor.username());
    }
}
