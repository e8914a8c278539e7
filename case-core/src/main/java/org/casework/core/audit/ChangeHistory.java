package org.casework.core.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.shared.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change history across records (who changed which fields of which record, when), for the
 * audit screen. Supervisors and administrators see the changes made by the users of their
 * jurisdiction (a county supervisor the whole county, a station head the township with its
 * villages); a station worker sees their own; anyone else is refused ({@link AuditAccess}).
 *
 * <p>Scoped by the acting user's jurisdiction rather than by each record's region: the log spans a
 * dozen kinds of record (clients, cases, flags, devices, accounts...), and who acted is the one
 * thing every entry has.
 */
@Service
@RequiredArgsConstructor
public class ChangeHistory {

    /**
     * What to list; every part may be null.
     *
     * @param username only this user's changes
     * @param recordId only the changes of this record (a client, a case...)
     * @param from from this instant (inclusive)
     * @param to until this instant (exclusive)
     */
    public record Filter(String username, UUID recordId, Instant from, Instant to) {}

    private final CurrentActor currentActor;
    private final EntityManager em;

    /** A page of the changes the caller may see, newest first. */
    @Transactional(readOnly = true)
    public Page<ChangeLogEntry> list(Filter filter, Pageable pageable) {
        Actor actor = currentActor.get();
        AuditAccess access = AuditAccess.of(actor);
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("from", "audit.range");
        }
        List<String> where = new ArrayList<>();
        List<Consumer<TypedQuery<?>>> params = new ArrayList<>();
        if (access == AuditAccess.JURISDICTION) {
            where.add("e.actor in (select u.username from UserAccount u where u.jurisdictionCode like :scope)");
            params.add(q -> q.setParameter("scope", actor.scopePattern()));
        } else {
            where.add("e.actor = :me");
            params.add(q -> q.setParameter("me", actor.username()));
        }
        Map<String, Object> optional = new java.util.LinkedHashMap<>();
        if (filter.username() != null && !filter.username().isBlank()) {
            where.add("e.actor = :user");
            optional.put("user", filter.username().strip());
        }
        if (filter.recordId() != null) {
            where.add("e.entityId = :record");
            optional.put("record", filter.recordId());
        }
        if (filter.from() != null) {
            where.add("e.occurredAt >= :from");
            optional.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("e.occurredAt < :to");
            optional.put("to", filter.to());
        }
        String clause = " from ChangeLogEntry e where " + String.join(" and ", where);
        TypedQuery<ChangeLogEntry> rows =
                em.createQuery("select e" + clause + " order by e.occurredAt desc, e.id", ChangeLogEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e)" + clause, Long.class);
        for (TypedQuery<?> query : List.<TypedQuery<?>>of(rows, count)) {
            params.forEach(p -> p.accept(query));
            optional.forEach(query::setParameter);
        }
        rows.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
        return new PageImpl<>(rows.getResultList(), pageable, count.getSingleResult());
    }
}
