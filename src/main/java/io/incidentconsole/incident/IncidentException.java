package io.incidentconsole.incident;

/** An incident could not be created, listed or opened; the message says which file and what is wrong. */
public class IncidentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IncidentException(String message) {
        super(message);
    }

    public IncidentException(String message, Throwable cause) {
        super(message, cause);
    }
}
