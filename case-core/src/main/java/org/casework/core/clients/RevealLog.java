package org.casework.core.clients;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditAccess;
import org.casework.core.audit.SensitiveAccessEntry;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log of full ID and phone numbers (who saw whose numbers, when, why, or was refused).
 * Supervisors (station heads, township child supervisors, county supervisors) and administrators
 * see the entries about clients of their jurisdiction; a station worker sees only their own;
 * village roles and department liaisons are refused ({@link AuditAccess}).
 */
@Service
@RequiredArgsConstructor
public class RevealLog {

    /** What to list; every part may be null. */
    public record Filter(UUID userId, String username, UUID clientId, Instant from, Instant to) {

        public Filter(UUID userId, Instant from, Instant to) {
            this(userId, null, null, from, to);
        }
    }

    private final CurrentActor currentActor;
    private final EntityManager em;

    /**
     * A page of entries the caller may see, newest first.
     *
     * @throws AccessDeniedException for users without case access (village roles, department liaisons)
     */
    @Transactional(readOnly = true)
    public Page<SensitiveAccessEntry> list(Filter filter, Pageable pageable) {
        Actor actor = currentActor.get();
        boolean oversight;
        try {
            oversight = AuditAccess.of(actor) == AuditAccess.JURISDICTION;
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException("audit.reveals.forbidden");
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("from", "audit.reveals.range");
        }
        StringBuilder where = new StringBuilder(" from SensitiveAccessEntry e where");
        if (oversight) {
            where.append(" e.clientId in (select c.id from Client c where c.residenceRegionCode like :scope)");
        } else {
            where.append(" e.actor = :me");
        }
        if (filter.userId() != null) {
            where.append(" and e.actorId = :user");
        }
        boolean byName = filter.username() != null && !filter.username().isBlank();
        if (byName) {
            where.append(" and e.actor = :username");
        }
        if (filter.clientId() != null) {
            where.append(" and e.clientId = :client");
        }
        if (filter.from() != null) {
            where.append(" and e.occurredAt >= :from");
        }
        if (filter.to() != null) {
            where.append(" and e.occurredAt < :to");
        }
        TypedQuery<SensitiveAccessEntry> rows =
                em.createQuery("select e" + where + " order by e.occurredAt desc, e.id", SensitiveAccessEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e)" + where, Long.class);
        for (TypedQuery<?> query : new TypedQuery<?>[] {rows, count}) {
            if (oversight) {
                query.setParameter("scope", actor.scopePattern());
            } else {
                query.setParameter("me", actor.username());
            }
            if (filter.userId() != null) {
                query.setParameter("user", filter.userId());
            }
            if (byName) {
                query.setParameter("username", filter.username().strip());
            }
            if (filter.clientId() != null) {
                query.setParameter("client", filter.clientId());
            }
            if (filter.from() != null) {
                query.setParameter("from", filter.from());
            }
            if (filter.to() != null) {
                query.setParameter("to", filter.to());
            }
        }
        rows.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
        return new PageImpl<>(rows.getResultList(), pageable, count.getSingleResult());
    }
}
