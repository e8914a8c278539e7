package org.casework.core.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the login names that records keep (who recorded, signed, sent) into the names people know
 * each other by, for a whole page at once: one query per page, never one per row.
 */
@Service
@RequiredArgsConstructor
public class PeopleNames {

    /** Logins per query: far above a page's people, well below any database's IN-list limit. */
    static final int BATCH = 500;

    private final UserAccountRepository accounts;
    private final CurrentActor currentActor;

    /**
     * Display names of the given logins (nulls and repeats are fine). Any logged-in user may read
     * them: colleagues' names are not client data, and a liaison needs to know who referred.
     */
    @Transactional(readOnly = true)
    public DisplayNames of(Collection<String> logins) {
        currentActor.get();
        List<String> wanted =
                logins.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return DisplayNames.NONE;
        }
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += BATCH) {
            List<String> batch = new ArrayList<>(wanted.subList(from, Math.min(wanted.size(), from + BATCH)));
            accounts.displayNamesOf(batch).forEach(n -> names.put(n.username(), n.displayName()));
        }
        return new DisplayNames(names);
    }
}
