package org.casework.web.cases;

import org.casework.core.cases.CaseState;

/**
 * The nine stages of the workflow stepper on every case page (线索 › 筛查 › 接案 › 预估 › 计划 › 服务 ›
 * 评估 › 结案 › 回访). Several lifecycle states fall in one stage; a side state (suspended) shows the
 * stage it waits in.
 */
public enum CaseStage {
    LEAD,
    SCREENING,
    INTAKE,
    ASSESSMENT,
    PLAN,
    SERVICE,
    EVALUATION,
    CLOSURE,
    FOLLOW_UP;

    /**
     * The stage a case in this state is at, or null when it has left the workflow (archived: every
     * stage is done; transferred: the receiving station carries on).
     */
    public static CaseStage of(CaseState state, CaseState beforeSuspension) {
        return switch (state) {
            case LEAD -> LEAD;
            case SCREENING, NOT_OPENED -> SCREENING;
            case INTAKE -> INTAKE;
            case ASSESSING -> ASSESSMENT;
            case PLAN_REVIEW -> PLAN;
            case ACTIVE -> SERVICE;
            case EVALUATING -> EVALUATION;
            case CLOSURE_REVIEW -> CLOSURE;
            case CLOSED, FOLLOW_UP -> FOLLOW_UP;
            case SUSPENDED -> beforeSuspension == null ? null : of(beforeSuspension, null);
            case ARCHIVED, TRANSFERRED -> null;
        };
    }
}
