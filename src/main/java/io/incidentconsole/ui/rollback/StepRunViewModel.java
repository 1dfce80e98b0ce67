package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.EventPayload.StepDecision;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.plan.Placeholders;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.rollback.StepCommand;
import io.incidentconsole.rollback.StepExecution;
import io.incidentconsole.rollback.StepExecutor;
import io.incidentconsole.rollback.StepProgress;
import io.incidentconsole.rollback.StepResult;
import io.incidentconsole.rollback.StepRun;
import io.incidentconsole.rollback.StepState;
import io.incidentconsole.rollback.StepStatus;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The step-by-step run of the procedure selected in the rollback area: every step with its exact command and
 * how it ended (read back from the journal, so a restarted console shows the same), the step the run is at, and
 * what the operator may do there: run it, and on failure retry, edit a value and retry, skip (with a reason) or
 * abort; for a step whose outcome is unknown (the console died while it ran), say whether it ran, did not run, or
 * is to be run again. Journal writes and process starts happen in the background.
 */
public final class StepRunViewModel {

    /** What the run asks of the operator now. */
    public enum Prompt {
        /** No writable incident on this plan, or no procedure. */
        UNAVAILABLE,
        /** A parameter is missing or invalid: no step can run. */
        FIX_VALUES,
        READY,
        RUNNING,
        FAILED,
        UNKNOWN,
        MANUAL,
        COMPLETE,
        ABORTED
    }

    /** One step as the list shows it. */
    public record Row(StepCommand step, StepState state, boolean current, boolean runningHere, boolean unknown) {
        public String statusWords() {
            if (runningHere) {
                return "running";
            }
            return state.status().words();
        }

        /** "exit 1 after 0.4 s; 2 attempts; skipped: done by hand" — what the journal says of its last attempt. */
        public String detail() {
            List<String> parts = new ArrayList<>();
            if (state.exitCode() != null && state.status() != StepStatus.STARTED) {
                parts.add("exit " + state.exitCode() + (state.duration() == null ? "" : " after " + seconds(state.duration())));
            }
            if (state.attempts() > 1) {
                parts.add(state.attempts() + " attempts");
            }
            if (state.note() != null && !state.note().isBlank()) {
                parts.add(state.note());
            }
            if (state.operator() != null && state.status() != StepStatus.NOT_RUN) {
                parts.add("by " + state.operator());
            }
            return String.join("; ", parts);
        }
    }

    private final IncidentSession session;
    private final RollbackViewModel rollback;
    private final StepExecutor executor;
    private final BackgroundTasks tasks;
    private final Executor fxThread;
    private final Clock clock;
    private final Map<String, StepRun> runs = new HashMap<>();
    private final OutputBuffer output = new OutputBuffer(5_000);
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyObjectWrapper<Prompt> prompt = new ReadOnlyObjectWrapper<>(this, "prompt", Prompt.UNAVAILABLE);
    private final ReadOnlyObjectWrapper<Row> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Integer> outputGeneration = new ReadOnlyObjectWrapper<>(this, "outputGeneration", 0);
    private final InvalidationListener changed = obs -> refresh();
    private StepExecution running;
    private boolean busy;

    public StepRunViewModel(IncidentSession session, RollbackViewModel rollback, StepExecutor executor,
                            BackgroundTasks tasks, Executor fxThread, Clock clock) {
        this.session = session;
        this.rollback = rollback;
        this.executor = executor;
        this.tasks = tasks;
        this.fxThread = fxThread;
        this.clock = clock;
    }

    public void activate() {
        session.stateProperty().addListener(changed);
        rollback.selectedProperty().addListener(changed);
        rollback.stepCommandsProperty().addListener(changed);
        rollback.recordingProperty().addListener(changed);
        refresh();
    }

    public void deactivate() {
        session.stateProperty().removeListener(changed);
        rollback.selectedProperty().removeListener(changed);
        rollback.stepCommandsProperty().removeListener(changed);
        rollback.recordingProperty().removeListener(changed);
    }

    /** The step run of the selected procedure in the open incident, kept while the console runs (it knows what runs here). */
    private Optional<StepRun> stepRun() {
        Incident incident = session.incidentProperty().get();
        RollbackTarget target = rollback.selectedProperty().get();
        if (incident == null || target == null || !rollback.recordingProperty().get()) {
            return Optional.empty();
        }
        String key = incident.id() + "/" + target.procedure().id();
        return Optional.of(runs.computeIfAbsent(key, k -> new StepRun(target.runbook(), target.procedure(),
                incident::state, incident::record, executor, incident.directory().resolve("steps"), clock)));
    }

    void refresh() {
        Optional<StepRun> run = stepRun();
        List<StepCommand> commands = rollback.stepCommandsProperty().get();
        if (run.isEmpty()) {
            rows.set(List.of());
            current.set(null);
            prompt.set(Prompt.UNAVAILABLE);
            summary.set(rollback.selectedProperty().get() == null ? ""
                    : "Open a writable incident (File → Incident…, Ctrl+I) to run the steps one by one: each step's"
                    + " start and end are recorded.");
            return;
        }
        if (commands.isEmpty()) {
            rows.set(List.of());
            current.set(null);
            prompt.set(Prompt.FIX_VALUES);
            summary.set("Fill in every parameter above: steps run with its values.");
            return;
        }
        StepRun stepRun = run.get();
        StepProgress progress = stepRun.progress();
        Optional<String> runningHere = stepRun.runningStepId();
        boolean over = progress.over(commands);
        Optional<StepCommand> next = progress.aborted() ? Optional.empty() : progress.firstNotDone(commands);
        List<Row> list = new ArrayList<>();
        Row at = null;
        for (StepCommand step : commands) {
            StepState state = progress.started() ? progress.state(step.stepId()) : StepState.notRun(step.stepId());
            boolean here = runningHere.filter(step.stepId()::equals).isPresent();
            boolean isCurrent = next.filter(step::equals).isPresent() || here;
            Row row = new Row(step, state, isCurrent, here, !here && state.status() == StepStatus.STARTED);
            list.add(row);
            if (isCurrent && at == null) {
                at = row;
            }
        }
        rows.set(List.copyOf(list));
        current.set(at);
        long done = list.stream().filter(r -> r.state().status().done()).count();
        if (runningHere.isPresent() || busy) {
            prompt.set(Prompt.RUNNING);
        } else if (progress.aborted()) {
            prompt.set(Prompt.ABORTED);
        } else if (progress.complete(commands)) {
            prompt.set(Prompt.COMPLETE);
        } else if (at == null) {
            prompt.set(Prompt.READY);
        } else if (at.unknown()) {
            prompt.set(Prompt.UNKNOWN);
        } else if (at.state().status() == StepStatus.FAILED) {
            prompt.set(Prompt.FAILED);
        } else if (at.step().manual()) {
            prompt.set(Prompt.MANUAL);
        } else {
            prompt.set(Prompt.READY);
        }
        summary.set(!progress.started() ? "Not started: " + commands.size() + " steps, each its own process."
                : progress.aborted() ? "Aborted by " + progress.abortedBy()
                + (progress.abortReason() == null ? "" : ": " + progress.abortReason()) + " (" + done + " of "
                + commands.size() + " done). Run step 1 to start a new run."
                : over ? "All " + commands.size() + " steps done. Run step 1 to start a new run."
                : done + " of " + commands.size() + " steps done.");
        if (over && !progress.aborted() && prompt.get() == Prompt.COMPLETE) {
            current.set(null);
        }
    }

    /** The step to act on: the current one, or step 1 of a new run once the last one is over. */
    private Optional<StepCommand> target() {
        Row row = current.get();
        if (row != null) {
            return Optional.of(row.step());
        }
        List<StepCommand> commands = rollback.stepCommandsProperty().get();
        return commands.isEmpty() ? Optional.empty() : Optional.of(commands.get(0));
    }

    /** Runs (or retries) the current step with the values the form has now. */
    public void runStep() {
        Optional<StepRun> run = stepRun();
        Optional<StepCommand> step = target();
        if (run.isEmpty() || step.isEmpty() || busy || running != null) {
            return;
        }
        if (rollback.runningProperty().get()) {
            message.set("The whole script is running: wait for it or cancel it (Esc) before running steps.");
            return;
        }
        String problem = rollback.workingDirectoryProblemProperty().get();
        if (problem != null && !problem.isEmpty()) {
            message.set(problem);
            return;
        }
        List<StepCommand> commands = rollback.stepCommandsProperty().get();
        Path directory = Path.of(rollback.workingDirectoryProperty().get().strip());
        output.clear();
        outputGeneration.set(outputGeneration.get() + 1);
        busy = true;
        rollback.stepRunning(true);
        refresh();
        message.set("Starting step " + step.get().number() + ": " + step.get().command());
        tasks.run(() -> run.get().run(commands, step.get(), directory, output::append), execution -> {
            busy = false;
            running = execution;
            message.set("Running step " + step.get().number() + " (pid " + execution.pid() + ") in " + directory
                    + " — Cancel step ends it");
            execution.result().whenComplete((result, error) -> fxThread.execute(() -> finished(execution, step.get(),
                    result, error)));
            refresh();
        }, error -> {
            busy = false;
            rollback.stepRunning(false);
            message.set("Step " + step.get().number() + " could not start: " + error.getMessage());
            refresh();
        });
    }

    private void finished(StepExecution execution, StepCommand step, StepResult result, Throwable error) {
        if (running == execution) {
            running = null;
        }
        rollback.stepRunning(running != null || busy);
        if (error != null) {
            message.set("Step " + step.number() + " ended without a result: " + error.getMessage());
        } else if (result.succeeded()) {
            message.set("Step " + step.number() + " succeeded in " + seconds(result.duration()) + "; recorded.");
        } else {
            message.set("Step " + step.number() + (result.timedOut() ? " timed out after " + step.timeout()
                    : result.cancelled() ? " was cancelled" : " failed") + ": exit code " + result.exitCode()
                    + ". The run stopped here: retry, edit a value and retry, skip it, or abort.");
        }
        refresh();
    }

    /** Sets a parameter in the form (the step's command changes with it), then retries the step. */
    public void retryWith(String parameter, String value) {
        if (parameter == null || parameter.isBlank()) {
            message.set("Pick the parameter to change.");
            return;
        }
        rollback.setValue(parameter, value);
        if (rollback.stepCommandsProperty().get().isEmpty()) {
            message.set("'" + value + "' is not a valid value for " + parameter + ": see the form above. Nothing ran.");
            refresh();
            return;
        }
        runStep();
    }

    public void skip(String reason) {
        if (reason == null || reason.isBlank()) {
            message.set("Say why the step is skipped: the reason is recorded.");
            return;
        }
        act(run -> {
            run.skip(rollback.stepCommandsProperty().get(), target().orElseThrow(), reason);
            return "Skipped step " + target().orElseThrow().number() + "; recorded.";
        });
    }

    /** The operator's word about a step whose outcome is unknown (or that a manual step was done); RETRY runs it. */
    public void decide(StepDecision decision) {
        StepCommand step = target().orElse(null);
        if (step == null) {
            return;
        }
        act(run -> {
            run.decide(rollback.stepCommandsProperty().get(), step, decision, null);
            return switch (decision) {
                case RAN -> "Recorded: step " + step.number() + " ran.";
                case DID_NOT_RUN -> "Recorded: step " + step.number() + " did not run.";
                case RETRY -> "Recorded: step " + step.number() + " is run again.";
            };
        }, decision == StepDecision.RETRY ? this::runStep : () -> { });
    }

    public void abort(String reason) {
        act(run -> {
            run.abort(reason);
            return "Aborted the run; recorded.";
        });
    }

    /** Ends the running step and everything it started (the step then shows as failed, cancelled). */
    public void cancel() {
        if (running != null) {
            running.cancel();
            message.set("Cancelling the step: ending it and everything it started…");
        }
    }

    private interface Act {
        String on(StepRun run) throws Exception;
    }

    private void act(Act act) {
        act(act, () -> { });
    }

    private void act(Act act, Runnable then) {
        Optional<StepRun> run = stepRun();
        if (run.isEmpty() || busy) {
            return;
        }
        busy = true;
        Callable<String> work = () -> act.on(run.get());
        tasks.run(work, text -> {
            busy = false;
            message.set(text);
            refresh();
            then.run();
        }, error -> {
            busy = false;
            message.set("Not recorded: " + error.getMessage());
            refresh();
        });
    }

    /** Output lines since the last call; the view drains once per frame. */
    List<String> drainOutput() {
        return output.drain();
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : duration.toSeconds() + " s";
    }

    public ReadOnlyObjectProperty<List<Row>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Row> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Increases when a step starts: the view clears its output pane. */
    public ReadOnlyObjectProperty<Integer> outputGenerationProperty() {
        return outputGeneration.getReadOnlyProperty();
    }

    /**
     * The parameter names of the selected procedure, for "edit a value and retry": those the current step uses
     * first (the likely culprit), then the others.
     */
    public List<String> parameterNames() {
        List<String> all = rollback.fieldsProperty().get().stream().map(RollbackViewModel.Field::name).toList();
        Row row = current.get();
        RollbackTarget target = rollback.selectedProperty().get();
        if (row == null || target == null) {
            return all;
        }
        Set<String> used = new LinkedHashSet<>();
        target.procedure().steps().stream().filter(s -> row.step().stepId().equals(s.id()) && s.command() != null)
                .forEach(s -> Placeholders.find(s.command()).forEach(p -> used.add(p.name())));
        List<String> ordered = new ArrayList<>(all.stream().filter(used::contains).toList());
        all.stream().filter(n -> !used.contains(n)).forEach(ordered::add);
        return ordered;
    }

    /** The current value of a parameter in the form. */
    public String valueOf(String parameter) {
        return rollback.fieldsProperty().get().stream().filter(f -> f.name().equals(parameter)).findFirst()
                .map(f -> f.state().value()).orElse("");
    }
}
