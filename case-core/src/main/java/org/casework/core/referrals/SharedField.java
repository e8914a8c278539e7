package org.casework.core.referrals;

import java.util.EnumSet;
import java.util.Set;

/**
 * The client information a referral may share. Nothing else ever reaches the receiving department:
 * it sees a snapshot of exactly the chosen fields, taken at send time.
 */
public enum SharedField {
    NAME(false),
    SEX(false),
    AGE(false),
    /** Township and village of residence, by name. */
    VILLAGE(false),
    GUARDIAN_CONTACT(true),
    PHONE(true),
    ID_NUMBER(true),
    CATEGORIES(false),
    RISK_LEVEL(false),
    /** A summary the sender writes for the receiver; never copied from the case file. */
    CASE_SUMMARY(true);

    private final boolean sensitive;

    SharedField(boolean sensitive) {
        this.sensitive = sensitive;
    }

    /** Needs a deliberate choice: never shared by default. */
    public boolean isSensitive() {
        return sensitive;
    }

    /** What is shared when the sender chooses nothing: data minimisation (PIPL Art. 6). */
    public static Set<SharedField> minimum() {
        return EnumSet.of(NAME, SEX, AGE, VILLAGE);
    }
}
