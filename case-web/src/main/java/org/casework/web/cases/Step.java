package org.casework.web.cases;

import org.casework.core.cases.CaseAction;

/**
 * One lifecycle step as the workspace offers it: which fields its small form has. The case
 * aggregate stays the judge; this only decides what to show.
 *
 * @param reason whether the form has a reason (comment, note, evaluation) field
 * @param longText a text area rather than a one-line field
 * @param forward the step that moves the case on (a primary button), not a side step
 */
public record Step(CaseAction action, Reason reason, boolean longText, boolean forward) {

    /** Whether and how a step asks for a reason. */
    public enum Reason {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    public String name() {
        return action.name();
    }

    public boolean supervisory() {
        return action.isSupervisory();
    }

    public boolean intake() {
        return action == CaseAction.ADMIT;
    }

    public boolean closure() {
        return action == CaseAction.REQUEST_CLOSURE;
    }

    /** A step without any field is a single button. */
    public boolean buttonOnly() {
        return reason == Reason.NONE && !closure();
    }

    public boolean reasonRequired() {
        return reason == Reason.REQUIRED;
    }
}
