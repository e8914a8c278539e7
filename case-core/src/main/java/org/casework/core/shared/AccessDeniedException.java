package org.casework.core.shared;

/** The caller may see the record but lacks the permission for this operation. */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
