package org.casework.core.assessments;

/** The GB/T 42195-2022 rules that move the level beyond what the total says. */
public enum AbilityUpgradeRule {
    /** 昏迷: level 4 whatever the total. */
    COMA,
    /** 确诊痴呆或精神障碍: one level up. */
    DEMENTIA_OR_MENTAL_DISORDER,
    /** 近30天发生2次及以上照护风险事件 (跌倒、噎食、自杀自伤、走失等): one level up. */
    CARE_RISK_EVENTS
}
