package io.incidentconsole.rollback;

/** Where a step of a step-by-step run stands, as the journal says. */
public enum StepStatus {
    NOT_RUN("not run"),
    /** Started and not finished: running in this console, or the console died while it ran. */
    STARTED("outcome unknown: check before retrying"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    SKIPPED("skipped"),
    /** The operator said it ran (a manual step, or one whose outcome was unknown). */
    MARKED_RAN("ran (operator's word)");

    private final String words;

    StepStatus(String words) {
        this.words = words;
    }

    /** Done: the run goes on after it. */
    public boolean done() {
        return this == SUCCEEDED || this == SKIPPED || this == MARKED_RAN;
    }

    public String words() {
        return words;
    }
}
