package io.incidentconsole.rollback;

import java.time.Instant;
import java.util.List;

/**
 * How a script run ended: bash's exit code (128 + signal when killed), whether the operator cancelled it,
 * and the last lines of its combined stdout and stderr.
 */
public record RunResult(String scriptSha256, ScriptMode mode, int exitCode, boolean cancelled,
                        List<String> outputTail, Instant startedAt, Instant endedAt) {

    public RunResult {
        outputTail = List.copyOf(outputTail);
    }

    public boolean succeeded() {
        return exitCode == 0 && !cancelled;
    }
}
