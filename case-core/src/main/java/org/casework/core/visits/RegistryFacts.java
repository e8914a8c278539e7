package org.casework.core.visits;

import java.time.LocalDate;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;

/**
 * What the registry says about a client that the visit rules need: the groups that are visited
 * monthly without a case (困境儿童, 特困老人, 失能老人 60+).
 */
public record RegistryFacts(boolean childInDifficulty, boolean specialDifficultyElderly, boolean disabledElderly) {

    public static final RegistryFacts NONE = new RegistryFacts(false, false, false);

    /** The client's categories active on the day. */
    public static RegistryFacts of(Client client, LocalDate day) {
        boolean child = false;
        boolean special = false;
        boolean disabled = false;
        for (ClientCategory category : client.getCategories()) {
            if (!category.isActiveOn(day)) {
                continue;
            }
            child |= category.getType() == CategoryType.CHILD_IN_DIFFICULTY;
            special |= category.getSubType() == CategorySubType.SPECIAL_DIFFICULTY_ELDERLY;
            disabled |= category.getSubType() == CategorySubType.DISABLED_ELDERLY && client.ageOn(day) >= 60;
        }
        return new RegistryFacts(child, special, disabled);
    }

    /** The groups visited at least at the focus (黄) level when no case says otherwise. */
    public boolean isFocusGroup() {
        return childInDifficulty || specialDifficultyElderly || disabledElderly;
    }
}
