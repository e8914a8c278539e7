package org.casework.web.cases;

import org.casework.core.cases.CaseState;

/**
 * One entry of the case's timeline: who did what, when (Asia/Shanghai) and why. The action is the
 * code the case recorded (INTAKE, REQUEST_CLOSURE, REASSIGN …); the reason is ready to show.
 */
public record TimelineEntry(String at, String actor, String action, CaseState toState, String reason) {}
