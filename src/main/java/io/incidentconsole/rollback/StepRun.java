package io.incidentconsole.rollback;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.StepDecision;
import io.incidentconsole.incident.EventPayload.StepFinished;
import io.incidentconsole.incident.EventPayload.StepOutcomeDecided;
import io.incidentconsole.incident.EventPayload.StepRunAborted;
import io.incidentconsole.incident.EventPayload.StepSkipped;
import io.incidentconsole.incident.EventPayload.StepStarted;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.Runbook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one procedure step by step, each step its own process, with every act recorded: a step's start (before
 * its process starts, so a crash leaves a start without a finish), its end (exit code, duration, output tail, log
 * file), a skip (with its reason), the operator's decision about a step whose outcome is unknown, an abort. What
 * is done and where the run goes on is always read back from the journal ({@link StepProgress}), so a restarted
 * console continues where the last one stopped. A run is bracketed by RollbackStarted / RollbackFinished like a
 * whole-script run.
 *
 * <p>{@code journal} must record durably before it returns (it is called from the caller's thread and, for a
 * step's end, from the executor's thread).
 */
public final class StepRun {

    /** How many output lines the journal keeps of a step (the log file keeps all). */
    public static final int TAIL_LINES = 40;

    private final Runbook runbook;
    private final Procedure procedure;
    private final Supplier<IncidentState> state;
    private final Consumer<EventPayload> journal;
    private final StepExecutor executor;
    private final Path logDirectory;
    private final Clock clock;
    private final Supplier<String> newRunId;
    private volatile Running running;

    private record Running(String stepId, StepExecution execution) {
    }

    /**
     * @param state        the incident's current state (the journal the progress is read from)
     * @param logDirectory where step logs go (in the incident's folder)
     */
    public StepRun(Runbook runbook, Procedure procedure, Supplier<IncidentState> state, Consumer<EventPayload> journal,
                   StepExecutor executor, Path logDirectory, Clock clock) {
        this(runbook, procedure, state, journal, executor, logDirectory, clock,
                () -> UUID.randomUUID().toString().substring(0, 8));
    }

    public StepRun(Runbook runbook, Procedure procedure, Supplier<IncidentState> state, Consumer<EventPayload> journal,
                   StepExecutor executor, Path logDirectory, Clock clock, Supplier<String> newRunId) {
        this.runbook = runbook;
        this.procedure = procedure;
        this.state = state;
        this.journal = journal;
        this.executor = executor;
        this.logDirectory = logDirectory;
        this.clock = clock;
        this.newRunId = newRunId;
    }

    public Procedure procedure() {
        return procedure;
    }

    /** The latest run as the journal tells it. */
    public StepProgress progress() {
        IncidentState current = state.get();
        return StepProgress.of(procedure.id(), current.events(), current::isUndone);
    }

    /** The step this console is running now, if any (a started step that is not this one has an unknown outcome). */
    public Optional<String> runningStepId() {
        Running now = running;
        return now == null ? Optional.empty() : Optional.of(now.stepId());
    }

    /** A step started and not finished, that this console is not running: the console died while it ran. */
    public boolean outcomeUnknown(StepProgress progress, StepCommand step) {
        return progress.state(step.stepId()).status() == StepStatus.STARTED
                && !runningStepId().filter(step.stepId()::equals).isPresent();
    }

    /**
     * Records the step's start, then starts its process; its end is recorded when it comes. The result completes
     * after the end is recorded.
     *
     * @throws IllegalStateException when a step is running here, or this step's outcome is unknown (decide first)
     * @throws IOException           when the process cannot start (also recorded as the step's end)
     */
    public synchronized StepExecution run(List<StepCommand> commands, StepCommand step, Path workingDirectory,
                                          Consumer<String> onLine) throws IOException {
        if (running != null) {
            throw new IllegalStateException("step " + running.stepId() + " is still running");
        }
        if (step.manual()) {
            throw new IllegalArgumentException("step " + step.number() + " is manual: do it, then mark it done");
        }
        StepProgress progress = progress();
        if (outcomeUnknown(progress, step)) {
            throw new IllegalStateException("step " + step.number() + ": outcome unknown: check before retrying,"
                    + " then say whether it ran, did not run, or is to be run again");
        }
        String runId = runIdFor(progress, commands);
        int attempt = progress.runId() != null && progress.runId().equals(runId)
                ? progress.state(step.stepId()).attempts() + 1 : 1;
        journal.accept(new StepStarted(runId, runbook.id(), procedure.id(), step.stepId(), step.number(), step.title(),
                step.command(), attempt, step.timeout(), executor.stubbed() ? Boolean.TRUE : null));
        Path logFile = logDirectory.resolve(procedure.id()).resolve(runId)
                .resolve(String.format("step-%02d-attempt-%d.log", step.number(), attempt));
        StepExecution execution;
        try {
            execution = executor.start(step, workingDirectory, logFile, onLine);
        } catch (IOException | RuntimeException e) {
            journal.accept(new StepFinished(runId, procedure.id(), step.stepId(), attempt, -1, false, false,
                    Duration.ZERO, "[console: the step could not start: " + e.getMessage() + "]", null));
            throw e;
        }
        Running mine = new Running(step.stepId(), execution);
        running = mine;
        CompletableFuture<StepResult> recorded = execution.result().thenApply(result -> {
            try {
                journal.accept(new StepFinished(runId, procedure.id(), step.stepId(), attempt, result.exitCode(),
                        result.cancelled(), result.timedOut(), result.duration(), tail(result.outputTail()),
                        result.logFile() == null ? null : result.logFile().toString()));
            } finally {
                synchronized (this) {
                    if (running == mine) {
                        running = null;
                    }
                }
            }
            if (result.succeeded()) {
                finishIfComplete(commands, runId);
            }
            return result;
        });
        return execution.withResult(recorded);
    }

    /** Skips a step; the reason is required and recorded. */
    public synchronized void skip(List<StepCommand> commands, StepCommand step, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why step " + step.number() + " is skipped");
        }
        requireNotRunning(step);
        String runId = runIdFor(progress(), commands);
        journal.accept(new StepSkipped(runId, procedure.id(), step.stepId(), reason.strip()));
        finishIfComplete(commands, runId);
    }

    /**
     * The operator's word about a step whose outcome is unknown, or that a manual step was done ({@code RAN}).
     * {@code RETRY} only records the decision: the caller then runs the step again.
     */
    public synchronized void decide(List<StepCommand> commands, StepCommand step, StepDecision decision, String note) {
        requireNotRunning(step);
        String runId = runIdFor(progress(), commands);
        journal.accept(new StepOutcomeDecided(runId, procedure.id(), step.stepId(), decision,
                note == null || note.isBlank() ? null : note.strip()));
        if (decision == StepDecision.RAN) {
            finishIfComplete(commands, runId);
        }
    }

    /** Stops the run: the running step (if any) is cancelled, the abort and the rollback's failed end recorded. */
    public synchronized void abort(String reason) {
        StepProgress progress = progress();
        if (!progress.started() || progress.aborted()) {
            throw new IllegalStateException("no step-by-step run of " + procedure.id() + " to abort");
        }
        Running now = running;
        if (now != null) {
            now.execution().cancel();
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        journal.accept(new StepRunAborted(progress.runId(), runbook.id(), procedure.id(), why));
        journal.accept(new RollbackFinished(runbook.id(), procedure.id(), false,
                "step-by-step run aborted" + (why == null ? "" : ": " + why)));
    }

    private void requireNotRunning(StepCommand step) {
        if (runningStepId().filter(step.stepId()::equals).isPresent()) {
            throw new IllegalStateException("step " + step.number() + " is running: cancel it first");
        }
    }

    /** The current run, or a new one (recorded as a rollback's start) when there is none or it is over. */
    private String runIdFor(StepProgress progress, List<StepCommand> commands) {
        if (!progress.over(commands)) {
            return progress.runId();
        }
        journal.accept(new RollbackStarted(runbook.id(), procedure.id(), "step by step, one process per step"));
        return newRunId.get();
    }

    private void finishIfComplete(List<StepCommand> commands, String runId) {
        StepProgress after = progress();
        if (runId.equals(after.runId()) && after.complete(commands)) {
            long skipped = commands.stream().filter(c -> after.state(c.stepId()).status() == StepStatus.SKIPPED)
                    .count();
            journal.accept(new RollbackFinished(runbook.id(), procedure.id(), true, "all " + commands.size()
                    + " steps done step by step" + (skipped == 0 ? "" : " (" + skipped + " skipped)")));
        }
    }

    private static String tail(List<String> lines) {
        List<String> last = lines.size() > TAIL_LINES ? lines.subList(lines.size() - TAIL_LINES, lines.size()) : lines;
        return String.join("\n", last);
    }
}
