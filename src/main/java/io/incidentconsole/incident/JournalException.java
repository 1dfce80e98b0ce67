package io.incidentconsole.incident;

/** A journal could not do what was asked; the message says what and why, for the operator. */
public class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
