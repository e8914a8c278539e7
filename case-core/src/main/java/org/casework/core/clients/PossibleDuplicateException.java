package org.casework.core.clients;

import java.util.List;
import java.util.UUID;
import org.casework.core.shared.ConflictException;

/**
 * Someone with the same name, birth date and village is already registered. The worker may go on
 * with a reason; the ids are those of matches the worker may see.
 */
public class PossibleDuplicateException extends ConflictException {

    private final transient List<UUID> matches;

    public PossibleDuplicateException(List<UUID> matches) {
        super("client.duplicate.possible");
        this.matches = List.copyOf(matches);
    }

    public List<UUID> getMatches() {
        return matches;
    }
}
