package org.casework.web.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * Builds the header's view of the user once per session: display name and jurisdiction name cost
 * queries that every page would otherwise repeat.
 */
@Component
@RequiredArgsConstructor
public class CurrentUsers {

    private static final String SESSION_KEY = CurrentUsers.class.getName();

    private final CurrentActor currentActor;
    private final AccountService accounts;
    private final RegionService regions;

    public Optional<CurrentUserView> find(HttpServletRequest request) {
        Optional<Actor> actor = currentActor.find();
        if (actor.isEmpty()) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        // the session survives login (its id changes, its attributes stay), so check whose view it is
        if (session != null
                && session.getAttribute(SESSION_KEY) instanceof CurrentUserView cached
                && cached.username().equals(actor.get().username())) {
            return Optional.of(cached);
        }
        CurrentUserView view = build(actor.get());
        if (session != null) {
            session.setAttribute(SESSION_KEY, view);
        }
        return Optional.of(view);
    }

    private CurrentUserView build(Actor actor) {
        String jurisdiction = actor.jurisdiction() == null ? null : regions.pathName(actor.jurisdiction());
        if (jurisdiction != null && jurisdiction.isBlank()) {
            jurisdiction = actor.jurisdiction().value();
        }
        return CurrentUserView.of(actor, accounts.currentDisplayName(), jurisdiction);
    }
}
