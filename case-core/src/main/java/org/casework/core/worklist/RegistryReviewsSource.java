package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.springframework.stereotype.Component;

/** Registry entries of the jurisdiction waiting for the station's review (复核), e.g. a 留守儿童 who turned 16. */
@Component
@RequiredArgsConstructor
class RegistryReviewsSource implements WorkItemSource {

    private final EntityManager entityManager;

    @Override
    public WorkItemKind kind() {
        return WorkItemKind.REGISTRY_REVIEW;
    }

    /** Station staff and supervisors: the village roles hand such questions to the station. */
    @Override
    public boolean appliesTo(Actor actor) {
        return actor.has(Permission.READ_CASES);
    }

    @Override
    public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
        List<WorkItem> all = entityManager
                .createQuery(
                        "select r.clientId, c.fullName, r.regionCode, r.dueOn from RegistryReview r"
                                + " join Client c on c.id = r.clientId"
                                + " where r.regionCode like :scope and r.resolvedAt is null and r.dueOn <= :horizon",
                        Object[].class)
                .setParameter("scope", actor.scopePattern())
                .setParameter("horizon", horizon)
                .getResultList()
                .stream()
                .map(row -> new WorkItem(
                        WorkItemKind.REGISTRY_REVIEW,
                        (UUID) row[0],
                        (String) row[1],
                        null,
                        null,
                        (String) row[2],
                        null,
                        (LocalDate) row[3],
                        false))
                .sorted(WorkItem.ORDER)
                .toList();
        return new Batch(all.subList(0, Math.min(limit, all.size())), all.size());
    }
}
