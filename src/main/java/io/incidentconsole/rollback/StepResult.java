package io.incidentconsole.rollback;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How one step's process ended: its exit code (128 + signal when killed), whether the operator cancelled it or
 * its timeout ended it, the last lines of its output and the file holding all of it.
 */
public record StepResult(int exitCode, boolean cancelled, boolean timedOut, List<String> outputTail,
                         Instant startedAt, Instant endedAt, Path logFile) {

    public StepResult {
        outputTail = List.copyOf(outputTail);
    }

    public boolean succeeded() {
        return exitCode == 0 && !cancelled && !timedOut;
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
