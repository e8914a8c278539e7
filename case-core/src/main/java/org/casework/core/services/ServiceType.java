package org.casework.core.services;

import java.util.EnumSet;
import java.util.Set;

/** Kinds of service. Home visits, phone and video calls are visits: they count for the visit rules. */
public enum ServiceType {
    /** 上门走访. */
    HOME_VISIT,
    /** 电话随访. */
    PHONE_CALL,
    /** 视频随访. */
    VIDEO_CALL,
    /** 心理疏导 / 个别辅导. */
    COUNSELLING,
    /** 物资帮扶. */
    MATERIAL_AID,
    /** 陪同 (就医、办事、入学). */
    ACCOMPANIMENT,
    /** 小组 / 社区活动. */
    GROUP_ACTIVITY,
    OTHER;

    public static final Set<ServiceType> VISITS = EnumSet.of(HOME_VISIT, PHONE_CALL, VIDEO_CALL);

    public boolean isVisit() {
        return VISITS.contains(this);
    }
}
