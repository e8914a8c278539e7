package org.casework.web.cases;

import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseState;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.NotFoundException;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Component;

/** Refusals of case steps as the workspace shows them, with state and step names in the user's language. */
@Component
@RequiredArgsConstructor
class CaseRefusals {

    static final String ILLEGAL_STEP = "case.transition.illegal";

    private final Messages messages;

    /**
     * True for refusals the page shows next to the form. A missing case and a missing permission
     * are not: they get the error pages. Supervisor-only steps are, so the worker sees why.
     */
    static boolean shownOnPage(DomainException e) {
        if (e instanceof NotFoundException) {
            return false;
        }
        return !(e instanceof AccessDeniedException) || e.getMessageKey().startsWith("case.");
    }

    String describe(DomainException e) {
        Object[] args = e.getArguments();
        if (ILLEGAL_STEP.equals(e.getMessageKey()) && args.length == 2) {
            // the case names its step and state by code: "cannot INTAKE in state LEAD"
            // ...and what moves the case on from where it is, so the refusal names its fix
            String refusal = messages.text(
                    ILLEGAL_STEP, messages.label("case.history", args[0]), messages.label("case.state", args[1]));
            return refusal + " "
                    + messages.text(CaseStepper.hintKey(CaseState.valueOf(args[1].toString()), null, false));
        }
        return messages.of(e);
    }
}
