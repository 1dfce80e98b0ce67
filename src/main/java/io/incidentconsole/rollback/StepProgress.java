package io.incidentconsole.rollback;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.EventPayload.StepFinished;
import io.incidentconsole.incident.EventPayload.StepOutcomeDecided;
import io.incidentconsole.incident.EventPayload.StepRunAborted;
import io.incidentconsole.incident.EventPayload.StepSkipped;
import io.incidentconsole.incident.EventPayload.StepStarted;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The latest step-by-step run of one procedure, folded from the journal: which steps ran and how they ended.
 * This is what a console shows after a restart or a crash; a step started and never finished is
 * {@link StepStatus#STARTED} (its outcome is unknown unless this console is running it).
 */
public record StepProgress(String procedureId, String runId, Map<String, StepState> steps, String abortReason,
                           String abortedBy, Instant abortedAt) {

    public StepProgress {
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /** The latest run of the procedure in these events; events whose id {@code undone} accepts are left out. */
    public static StepProgress of(String procedureId, List<Event> events, Predicate<String> undone) {
        String runId = null;
        for (Event event : events) {
            String run = runOf(event.payload(), procedureId);
            if (run != null && !undone.test(event.id())) {
                runId = run;
            }
        }
        Map<String, StepState> steps = new LinkedHashMap<>();
        String abortReason = null;
        String abortedBy = null;
        Instant abortedAt = null;
        if (runId != null) {
            for (Event event : events) {
                if (!runId.equals(runOf(event.payload(), procedureId)) || undone.test(event.id())) {
                    continue;
                }
                EventPayload payload = event.payload();
                if (payload instanceof StepRunAborted a) {
                    abortReason = a.reason();
                    abortedBy = event.operator();
                    abortedAt = event.at();
                    continue;
                }
                String stepId = stepOf(payload);
                StepState old = steps.getOrDefault(stepId, StepState.notRun(stepId));
                steps.put(stepId, next(old, event));
            }
        }
        return new StepProgress(procedureId, runId, steps, abortReason, abortedBy, abortedAt);
    }

    private static StepState next(StepState old, Event event) {
        String who = event.operator();
        Instant at = event.at();
        EventPayload payload = event.payload();
        if (payload instanceof StepStarted s) {
            return new StepState(old.stepId(), StepStatus.STARTED, Math.max(old.attempts() + 1, s.attempt()),
                    s.command(), who, at, null, false, null, null, null, null);
        }
        if (payload instanceof StepFinished f) {
            boolean succeeded = f.exitCode() == 0 && !f.cancelled() && !f.timedOut();
            String note = f.timedOut() ? "timed out" : f.cancelled() ? "cancelled by the operator" : null;
            return new StepState(old.stepId(), succeeded ? StepStatus.SUCCEEDED : StepStatus.FAILED, old.attempts(),
                    old.command(), who, at, f.exitCode(), f.timedOut(), f.duration(), f.outputTail(), f.logFile(), note);
        }
        if (payload instanceof StepSkipped s) {
            return old.with(StepStatus.SKIPPED, who, at, s.reason());
        }
        if (payload instanceof StepOutcomeDecided d) {
            return switch (d.decision()) {
                case RAN -> old.with(StepStatus.MARKED_RAN, who, at, d.note());
                case DID_NOT_RUN -> old.with(StepStatus.NOT_RUN, who, at,
                        "did not run (operator's word)" + (d.note() == null || d.note().isBlank() ? "" : ": " + d.note()));
                case RETRY -> old.with(StepStatus.NOT_RUN, who, at, "to be run again" + (d.note() == null
                        || d.note().isBlank() ? "" : ": " + d.note()));
            };
        }
        return old;
    }

    private static String runOf(EventPayload payload, String procedureId) {
        if (payload instanceof StepStarted s && s.procedureId().equals(procedureId)) {
            return s.runId();
        }
        if (payload instanceof StepFinished s && s.procedureId().equals(procedureId)) {
            return s.runId();
        }
        if (payload instanceof StepSkipped s && s.procedureId().equals(procedureId)) {
            return s.runId();
        }
        if (payload instanceof StepOutcomeDecided s && s.procedureId().equals(procedureId)) {
            return s.runId();
        }
        if (payload instanceof StepRunAborted s && s.procedureId().equals(procedureId)) {
            return s.runId();
        }
        return null;
    }

    private static String stepOf(EventPayload payload) {
        if (payload instanceof StepStarted s) {
            return s.stepId();
        }
        if (payload instanceof StepFinished s) {
            return s.stepId();
        }
        if (payload instanceof StepSkipped s) {
            return s.stepId();
        }
        return ((StepOutcomeDecided) payload).stepId();
    }

    public boolean started() {
        return runId != null;
    }

    public boolean aborted() {
        return abortReason != null || abortedAt != null;
    }

    public StepState state(String stepId) {
        return steps.getOrDefault(stepId, StepState.notRun(stepId));
    }

    /** Every step done (succeeded, skipped, or said to have run). */
    public boolean complete(List<StepCommand> commands) {
        return started() && commands.stream().allMatch(c -> state(c.stepId()).status().done());
    }

    /** Where the run goes on: the first step not done. */
    public Optional<StepCommand> firstNotDone(List<StepCommand> commands) {
        return commands.stream().filter(c -> !state(c.stepId()).status().done()).findFirst();
    }

    /** A run ends when it is complete or aborted; the next step then starts a new run. */
    public boolean over(List<StepCommand> commands) {
        return !started() || aborted() || complete(commands);
    }
}
