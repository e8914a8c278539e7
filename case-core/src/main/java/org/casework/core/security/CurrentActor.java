package org.casework.core.security;

import java.util.Optional;
import org.casework.core.shared.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The acting user of the current request, however it authenticated (session, token, device). */
@Component
public class CurrentActor {

    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorDetails details) {
            return Optional.of(details.actor());
        }
        return Optional.empty();
    }

    public Actor get() {
        return find().orElseThrow(() -> new AccessDeniedException("error.unauthenticated"));
    }

    /** The actor, provided they hold the permission; otherwise the operation is refused. */
    public Actor require(Permission permission) {
        Actor actor = get();
        if (!actor.has(permission)) {
            throw new AccessDeniedException("error.forbidden");
        }
        return actor;
    }
}
