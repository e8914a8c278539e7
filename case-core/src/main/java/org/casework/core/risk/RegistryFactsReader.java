package org.casework.core.risk;

import java.time.LocalDate;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.ElderlyProfile;
import org.casework.core.clients.LivingArrangement;

/** Reads the {@link RegistryFacts} of a client on a day: its categories active that day and its profile. */
public final class RegistryFactsReader {

    static final int ELDERLY_AGE = 60;

    private RegistryFactsReader() {}

    public static RegistryFacts of(Client client, LocalDate day) {
        int age = client.ageOn(day);
        boolean child = false;
        boolean special = false;
        boolean disabled = false;
        boolean extremePoverty = false;
        boolean livingAloneCategory = false;
        for (ClientCategory category : client.getCategories()) {
            if (!category.isActiveOn(day)) {
                continue;
            }
            child |= category.getType() == CategoryType.CHILD_IN_DIFFICULTY;
            special |= category.getSubType() == CategorySubType.SPECIAL_DIFFICULTY_ELDERLY;
            disabled |= category.getSubType() == CategorySubType.DISABLED_ELDERLY && age >= ELDERLY_AGE;
            extremePoverty |= category.getSubType() == CategorySubType.EXTREME_POVERTY_SUPPORT;
            livingAloneCategory |= category.getSubType() == CategorySubType.LIVING_ALONE;
        }
        LivingArrangement arrangement = livingArrangement(client);
        boolean inInstitution = arrangement == LivingArrangement.INSTITUTION;
        boolean livesAlone = arrangement == LivingArrangement.ALONE || (arrangement == null && livingAloneCategory);
        return new RegistryFacts(
                child,
                special,
                disabled,
                extremePoverty && !inInstitution,
                age >= ELDERLY_AGE ? ElderlyFacts.registry(age, livesAlone) : null);
    }

    /** Whether the client lives alone as far as the registry knows (the profile first, else the 独居 category). */
    public static boolean livesAlone(Client client, LocalDate day) {
        RegistryFacts facts = of(client, day);
        return facts.elderly() != null && facts.elderly().livesAlone();
    }

    private static LivingArrangement livingArrangement(Client client) {
        ElderlyProfile profile = client.getElderlyProfile();
        return profile == null ? null : profile.getLivingArrangement();
    }
}
