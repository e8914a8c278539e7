package org.casework.core.shared;

/** The operation clashes with existing data (a duplicate, a uniqueness rule). */
public class ConflictException extends DomainException {

    public ConflictException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
