package org.casework.core.shared;

/** Input that breaks a rule (bad ID check digit, unknown region): the caller must correct it. */
public class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
