package org.casework.core.cases;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out case numbers like {@code 410225-2026-00042}: unique in the county, without gaps or
 * duplicates under concurrent creation. The number is taken under a row lock inside the
 * transaction that creates the case, so a rolled-back case gives its number back.
 */
@Component
@RequiredArgsConstructor
class CaseNumbers {

    private final CaseNumberSequenceRepository sequences;
    private final CaseNumberRows rows;

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String countyCode, int year) {
        // Create the year's row before any locking read: on InnoDB a SELECT ... FOR UPDATE of a
        // missing row takes a gap lock that would block our own insert from the inner transaction.
        if (!sequences.existsById(new CaseNumberSequence.Key(countyCode, year))) {
            try {
                rows.create(countyCode, year);
            } catch (DataIntegrityViolationException | PersistenceException createdByAnotherServer) {
                // Lost the race to create the row: it exists now, which is all we need.
            }
        }
        CaseNumberSequence sequence = sequences
                .lockFor(countyCode, year)
                .orElseThrow(() -> new IllegalStateException("No case number row for " + countyCode + "/" + year));
        return "%s-%d-%05d".formatted(countyCode, year, sequence.next());
    }

    /** Creates a year's row in a transaction of its own, so a lost race does not spoil the caller's. */
    @Component
    static class CaseNumberRows {

        @PersistenceContext
        private EntityManager entityManager;

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void create(String countyCode, int year) {
            // persist, not merge: merging into a row another server just created would reset it.
            entityManager.persist(new CaseNumberSequence(countyCode, year));
            entityManager.flush();
        }
    }
}
