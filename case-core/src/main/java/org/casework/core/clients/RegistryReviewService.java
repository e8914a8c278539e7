package org.casework.core.clients;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reviews of registry entries (复核): listed on the client and the station's worklist, resolved by station staff. */
@Service
@RequiredArgsConstructor
public class RegistryReviewService {

    private final RegistryReviewRepository reviews;
    private final ClientService clients;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Clock clock;

    /** The client's reviews, newest first, for station staff of the client's area (404 outside it). */
    @Transactional(readOnly = true)
    public List<RegistryReview> forClient(UUID clientId) {
        currentActor.require(Permission.READ_CASES);
        clients.get(clientId);
        return reviews.findByClientIdOrderByDueOnDesc(clientId);
    }

    /** Records what the station decided; the item leaves the worklist. */
    @Transactional
    public RegistryReview resolve(UUID clientId, UUID reviewId, long expectedVersion, String resolution) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        clients.get(clientId);
        RegistryReview review = reviews.findById(reviewId)
                .filter(r -> r.getClientId().equals(clientId))
                .orElseThrow(() -> new NotFoundException("review"));
        review.checkVersion(expectedVersion);
        review.resolve(resolution, actor.username(), clock.instant());
        audit.recordChange(
                "Client", clientId, "REVIEW_RESOLVED", List.of(review.getKind().name()), actor.username());
        return reviews.saveAndFlush(review);
    }
}
