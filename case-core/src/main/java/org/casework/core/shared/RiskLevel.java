package org.casework.core.shared;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * 红 urgent, 橙 high, 黄 focus, 绿 general (product.md). Declared from most to least urgent, so
 * the natural order sorts worklists.
 */
public enum RiskLevel {
    RED,
    ORANGE,
    YELLOW,
    GREEN;

    /** The level's name in the reader's language, as an argument of a message ({@code risk.RED} …). */
    public MessageSourceResolvable label() {
        return new DefaultMessageSourceResolvable(new String[] {"risk." + name()}, name());
    }

    /** Red and orange cases need a supervisor's approval of their plan. */
    public boolean isHigh() {
        return this == RED || this == ORANGE;
    }

    public boolean isMoreUrgentThan(RiskLevel other) {
        return other == null || ordinal() < other.ordinal();
    }

    /** The more urgent of the two; risk rules combine by taking the worst level any of them raised. */
    public RiskLevel max(RiskLevel other) {
        return other != null && other.isMoreUrgentThan(this) ? other : this;
    }
}
