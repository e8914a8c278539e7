package org.casework.core.shared;

/**
 * The record does not exist or lies outside the caller's jurisdiction. Both read the same, so that
 * probing ids reveals nothing.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what) {
        super("error.notFound", what);
    }
}
