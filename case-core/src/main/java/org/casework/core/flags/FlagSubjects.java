package org.casework.core.flags;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.shared.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a notice may say about a flag: its village and type, nothing about the child. For the
 * notifications written inside the flag's own transaction (no reader's rights apply there).
 */
@Component
@RequiredArgsConstructor
public class FlagSubjects {

    /** A flag as a notice names it. */
    public record FlagSubject(RegionCode village, FlagType type) {}

    private final FlagRepository flags;

    /** The types of the flags about a registry child that were not dismissed (for a new assessment's answers). */
    @Transactional(readOnly = true)
    public List<FlagType> typesAbout(UUID clientId) {
        return flags.aboutClient(clientId).stream()
                .filter(f -> f.getOutcome() != FlagOutcome.DISMISSED)
                .map(Flag::getType)
                .distinct()
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<FlagSubject> of(UUID flagId) {
        return flags.findById(flagId).map(f -> new FlagSubject(f.village(), f.getType()));
    }
}
