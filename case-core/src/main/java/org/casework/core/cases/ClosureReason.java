package org.casework.core.cases;

/** The closure reasons of product.md: 目标达成, 服务对象退出, 转介完成, 迁出, 死亡, 资格终止, 人员/项目变动. */
public enum ClosureReason {
    GOALS_MET,
    CLIENT_WITHDREW,
    REFERRED_ON,
    MOVED_AWAY,
    DIED,
    NO_LONGER_ELIGIBLE,
    HANDOVER;

    /** After a death there is nobody to follow up. */
    public boolean needsFollowUp() {
        return this != DIED;
    }
}
