package org.casework.core.assessments;

/** What kind of answer an item takes, and therefore how an answer is checked. */
public enum ItemType {
    /** One option code out of the item's list; options may carry a score. */
    SINGLE_CHOICE,
    BOOLEAN,
    /** A decimal number, optionally bounded by the item's min and max. */
    NUMBER,
    TEXT,
    /** A calendar date (ISO yyyy-MM-dd). */
    DATE
}
