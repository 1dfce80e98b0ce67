package io.incidentconsole.rollback;

import java.util.concurrent.CompletableFuture;

/** A step's process while it runs. */
public interface StepExecution {

    long pid();

    /** Completes when the process has ended and its output is drained. */
    CompletableFuture<StepResult> result();

    /** Ends the process and everything it started; the result says {@code cancelled}. */
    void cancel();
}
