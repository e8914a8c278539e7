package org.casework.core.assessments;

/**
 * An instrument definition file is broken. Raised at start-up so that a bad file stops the server
 * instead of producing wrong scores; the message names the file and the item for whoever edits it.
 */
public class InvalidInstrumentException extends IllegalStateException {

    public InvalidInstrumentException(String message) {
        super(message);
    }

    public InvalidInstrumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
