package org.casework.core.clients;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** Builds the registry search as one SQL query: scope, region, text and category. */
final class ClientSpecifications {

    private ClientSpecifications() {}

    static Specification<Client> matching(String scopePattern, ClientSearch search, LocalDate today) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.like(root.get("residenceRegionCode"), scopePattern));
            if (search.regionCode() != null && !search.regionCode().isBlank()) {
                where.add(cb.like(root.get("residenceRegionCode"), search.regionCode() + "%"));
            }
            String text = search.text() == null ? "" : search.text().strip();
            if (!text.isEmpty()) {
                String latin = ChineseName.normalizeQuery(text);
                List<Predicate> any = new ArrayList<>();
                any.add(cb.like(root.get("fullName"), "%" + escape(text) + "%", '!'));
                if (!latin.isEmpty() && latin.matches("[a-z]+")) {
                    any.add(cb.like(root.get("namePinyin"), escape(latin) + "%", '!'));
                    any.add(cb.like(root.get("nameInitials"), escape(latin) + "%", '!'));
                }
                if (text.matches("[0-9Xx]{4}")) {
                    any.add(cb.equal(root.get("idNumberTail"), text.toUpperCase()));
                }
                where.add(cb.or(any.toArray(Predicate[]::new)));
            }
            if (search.category() != null) {
                Subquery<Integer> held = query.subquery(Integer.class);
                Root<ClientCategory> category = held.from(ClientCategory.class);
                held.select(cb.literal(1))
                        .where(
                                cb.equal(category.get("client"), root),
                                cb.equal(category.get("type"), search.category()),
                                cb.lessThanOrEqualTo(category.get("validFrom"), today),
                                cb.or(
                                        cb.isNull(category.get("validTo")),
                                        cb.greaterThanOrEqualTo(category.get("validTo"), today)));
                where.add(cb.exists(held));
                if (search.category() == CategoryType.LEFT_BEHIND_CHILD) {
                    // under 16 today: born after this day sixteen years ago
                    where.add(cb.greaterThan(root.get("birthDate"), today.minusYears(Client.LEFT_BEHIND_AGE_LIMIT)));
                }
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Keeps a user's % or _ from widening the search; '!' escapes alike on H2 and MySQL. */
    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
