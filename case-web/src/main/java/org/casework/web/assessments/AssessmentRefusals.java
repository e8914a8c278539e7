package org.casework.web.assessments;

import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.InstrumentDefinition;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Component;

/** Refusals of the assessment service in the user's words: items named by their label, not their code. */
@Component
@RequiredArgsConstructor
class AssessmentRefusals {

    static final String SUMMARY = "summary";

    private final Messages messages;

    /** Missing records and permissions get the error pages; everything else is shown on the form. */
    static boolean shownOnPage(DomainException e) {
        return !(e instanceof NotFoundException) && !(e instanceof AccessDeniedException);
    }

    String describe(DomainException e, InstrumentDefinition instrument) {
        Object[] args = e.getArguments();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String code && instrument != null) {
                args[i] = instrument
                        .item(code)
                        .map(item -> item.label().in(messages.locale()))
                        .orElse(code);
            }
        }
        return messages.text(e.getMessageKey(), args);
    }

    /** The form field the refusal is about: one of the instrument's items, or the summary. */
    static String itemOf(DomainException e, InstrumentDefinition instrument) {
        if (e instanceof InvalidInputException invalid && invalid.getField() != null) {
            String field = invalid.getField();
            if (SUMMARY.equals(field)
                    || (instrument != null && instrument.item(field).isPresent())) {
                return field;
            }
        }
        return null;
    }
}
