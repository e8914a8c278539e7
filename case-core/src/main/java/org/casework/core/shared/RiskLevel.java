package org.casework.core.shared;

/**
 * 红 urgent, 橙 high, 黄 focus, 绿 general (product.md). Declared from most to least urgent, so
 * the natural order sorts worklists.
 */
public enum RiskLevel {
    RED,
    ORANGE,
    YELLOW,
    GREEN;

    /** Red and orange cases need a supervisor's approval of their plan. */
    public boolean isHigh() {
        return this == RED || this == ORANGE;
    }

    public boolean isMoreUrgentThan(RiskLevel other) {
        return other == null || ordinal() < other.ordinal();
    }
}
