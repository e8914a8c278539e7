package org.casework.core.plans;

/** The kinds of service a plan schedules (上门探访, 电话/视频, 心理疏导, 物资帮扶, 陪伴/陪同, 小组活动, 转介, 其他). */
public enum ActivityType {
    HOME_VISIT,
    PHONE_OR_VIDEO_CALL,
    COUNSELLING,
    MATERIAL_AID,
    ACCOMPANIMENT,
    GROUP_ACTIVITY,
    REFERRAL,
    OTHER
}
