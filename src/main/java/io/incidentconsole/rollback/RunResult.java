package io.incidentconsole.rollback;

import java.time.Instant;
import java.util.List;

/**
 * How a script run ended: bash's exit code (128 + signal when killed), whether the operator cancelled it,
 * and the last lines of its combined stdout and stderr. {@code stubbed}: it ran through a drill's stubs.
 */
public record RunResult(String scriptSha256, ScriptMode mode, int exitCode, boolean cancelled,
                        List<String> outputTail, Instant startedAt, Instant endedAt, boolean stubbed) {

    public RunResult(String scriptSha256, ScriptMode mode, int exitCode, boolean cancelled, List<String> outputTail,
                     Instant startedAt, Instant endedAt) {
        this(scriptSha256, mode, exitCode, cancelled, outputTail, startedAt, endedAt, false);
    }

    public RunResult {
        outputTail = List.copyOf(outputTail);
    }

    public boolean succeeded() {
        return exitCode == 0 && !cancelled;
    }
}
