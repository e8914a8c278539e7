package org.casework.core.cases;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.ChineseName;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.RegionCode;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list's search: by case number or client name (characters, pinyin, initials) and by
 * state, risk, worker and village, always inside the caller's jurisdiction, most urgent first. One
 * query for the page and one for the count, however many cases the county holds.
 */
@Service
@RequiredArgsConstructor
public class CaseFinder {

    /** Most urgent first (the level that counts, cases without one last), newest first within a level. */
    private static final String ORDER = " order by case c.effectiveRiskLevel"
            + " when org.casework.core.shared.RiskLevel.RED then 0"
            + " when org.casework.core.shared.RiskLevel.ORANGE then 1"
            + " when org.casework.core.shared.RiskLevel.YELLOW then 2"
            + " when org.casework.core.shared.RiskLevel.GREEN then 3 else 4 end, c.openedAt desc, c.id";

    private final CurrentActor currentActor;
    private final EntityManager em;

    /**
     * A page of the cases matching the search that the caller may read.
     *
     * @throws org.casework.core.shared.AccessDeniedException for roles without case access
     * @throws org.casework.core.shared.InvalidInputException when the village is not a region code
     */
    @Transactional(readOnly = true)
    public Page<CaseFile> search(CaseSearch search, Pageable pageable) {
        Actor actor = currentActor.require(Permission.READ_CASES);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        where.add("c.regionCode like :scope");
        params.put("scope", actor.scopePattern());
        if (search.state() != null) {
            where.add("c.state = :state");
            params.put("state", search.state());
        } else if (search.openOnly()) {
            where.add("c.state in :states");
            params.put(
                    "states",
                    Arrays.stream(CaseState.values()).filter(CaseState::isOpen).toList());
        }
        if (search.risk() != null) {
            where.add("c.effectiveRiskLevel = :risk");
            params.put("risk", search.risk());
        }
        if (search.workerId() != null) {
            where.add("c.assignedWorkerId = :worker");
            params.put("worker", search.workerId());
        }
        if (search.village() != null && !search.village().isBlank()) {
            where.add("c.regionCode like :village");
            params.put("village", RegionCode.parse(search.village()).value() + "%");
        }
        String text = search.text() == null ? "" : search.text().strip();
        if (!text.isEmpty()) {
            where.add(textCondition(text, params));
        }
        String clause = " from CaseFile c where " + String.join(" and ", where);
        TypedQuery<CaseFile> rows = em.createQuery("select c" + clause + ORDER, CaseFile.class);
        TypedQuery<Long> count = em.createQuery("select count(c)" + clause, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        rows.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
        return new PageImpl<>(rows.getResultList(), pageable, count.getSingleResult());
    }

    /** The number contains the text, or the client's name does, or its pinyin or initials start with it. */
    private static String textCondition(String text, Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        any.add("c.caseNumber like :contains escape '!'");
        List<String> byClient = new ArrayList<>();
        byClient.add("k.fullName like :contains escape '!'");
        params.put("contains", "%" + escape(text) + "%");
        String latin = ChineseName.normalizeQuery(text);
        if (!latin.isEmpty() && latin.matches("[a-z]+")) {
            byClient.add("k.namePinyin like :latin escape '!'");
            byClient.add("k.nameInitials like :latin escape '!'");
            params.put("latin", escape(latin) + "%");
        }
        any.add("c.primaryClientId in (select k.id from Client k where " + String.join(" or ", byClient) + ")");
        return "(" + String.join(" or ", any) + ")";
    }

    /** Keeps a user's % or _ from widening the search; '!' escapes alike on H2 and MySQL. */
    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
