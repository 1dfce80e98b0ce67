package io.incidentconsole.rollback;

/** A value that can never reach a command intact (a NUL, a control character, broken UTF-16). */
public final class RefusedValueException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public RefusedValueException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** Why, e.g. "contains a NUL byte at position 3; such values are refused". */
    public String reason() {
        return reason;
    }
}
