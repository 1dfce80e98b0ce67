package io.incidentconsole.team;

/** A team database could not do what was asked; the message is for the operator and never holds a secret. */
public class TeamDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;


    public TeamDatabaseException(String message) {
        super(message);
    }

    public TeamDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
