package io.incidentconsole.rollback;

/** Whether a generated script runs its commands or only prints them. */
public enum ScriptMode {
    /** Runs each command. */
    EXECUTE,
    /** Prints each command line ("+ git revert 'abc1234'") instead of running it. */
    DRY_RUN
}
