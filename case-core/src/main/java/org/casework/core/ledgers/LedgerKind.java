package org.casework.core.ledgers;

import org.casework.core.clients.CategoryType;

/** The ledgers a station or county can download. */
public enum LedgerKind {
    /** 留守儿童台账. */
    LEFT_BEHIND_CHILDREN(CategoryType.LEFT_BEHIND_CHILD),
    /** 困境儿童台账. */
    CHILDREN_IN_DIFFICULTY(CategoryType.CHILD_IN_DIFFICULTY),
    /** 特困/老年人台账 (the 特困 elderly are a sub-type of the elderly category). */
    ELDERLY(CategoryType.ELDERLY),
    /** 走访记录: home visits and calls recorded in the period. */
    VISITS(null),
    /** 风险上报与强制报告: flags raised in the period, without their reporters. */
    FLAGS(null),
    /** 个案台账: cases open at some time in the period. */
    CASES(null),
    /** 转介台账: referrals sent in the period. */
    REFERRALS(null);

    private final CategoryType category;

    LedgerKind(CategoryType category) {
        this.category = category;
    }

    /** The registry category the ledger lists, or null for a ledger of events. */
    public CategoryType category() {
        return category;
    }

    public String messageKey() {
        return "ledger.kind." + name();
    }
}
