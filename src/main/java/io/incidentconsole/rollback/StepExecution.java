package io.incidentconsole.rollback;

import java.util.concurrent.CompletableFuture;

/** A step's process while it runs. */
public interface StepExecution {

    long pid();

    /** Completes when the process has ended and its output is drained. */
    CompletableFuture<StepResult> result();

    /** Ends the process and everything it started; the result says {@code cancelled}. */
    void cancel();

    /** The same process, whose result completes only after {@code result} (which follows this one's) does. */
    default StepExecution withResult(CompletableFuture<StepResult> result) {
        StepExecution process = this;
        return new StepExecution() {
            @Override
            public long pid() {
                return process.pid();
            }

            @Override
            public CompletableFuture<StepResult> result() {
                return result;
            }

            @Override
            public void cancel() {
                process.cancel();
            }
        };
    }
}
