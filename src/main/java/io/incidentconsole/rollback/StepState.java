package io.incidentconsole.rollback;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of a run as the journal tells it: its status, the attempts made, the command last started, and how
 * the last attempt ended (exit code, duration, output tail, log file) or why it was skipped or decided.
 */
public record StepState(String stepId, StepStatus status, int attempts, String command, String operator, Instant at,
                        Integer exitCode, boolean timedOut, Duration duration, String outputTail, String logFile,
                        String note) {

    public static StepState notRun(String stepId) {
        return new StepState(stepId, StepStatus.NOT_RUN, 0, null, null, null, null, false, null, null, null, null);
    }

    StepState with(StepStatus next, String who, Instant when, String why) {
        return new StepState(stepId, next, attempts, command, who, when, exitCode, timedOut, duration, outputTail,
                logFile, why);
    }
}
