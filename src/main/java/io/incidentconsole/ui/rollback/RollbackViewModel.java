package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.rollback.DecisionChecklist;
import io.incidentconsole.rollback.FieldProblem;
import io.incidentconsole.rollback.FieldState;
import io.incidentconsole.rollback.GeneratedScript;
import io.incidentconsole.rollback.RollbackForm;
import io.incidentconsole.rollback.RollbackRecorder;
import io.incidentconsole.rollback.RollbackSession;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.rollback.RunResult;
import io.incidentconsole.rollback.RunningScript;
import io.incidentconsole.rollback.ScriptFiles;
import io.incidentconsole.rollback.ScriptGenerator;
import io.incidentconsole.rollback.ScriptMode;
import io.incidentconsole.rollback.ScriptRefusedException;
import io.incidentconsole.drill.DrillRuns;
import io.incidentconsole.rollback.ProcessStepExecutor;
import io.incidentconsole.rollback.ScriptRunner;
import io.incidentconsole.rollback.StepCommand;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The rollback area: pick a runbook procedure, tick its decision criteria, fill its parameter form, generate,
 * copy, save and (only after the operator confirms the exact script) run it with its output streamed live.
 * Owns validation: the view only draws {@link Field#problem()}. With an incident open on the shown plan every
 * act is recorded in its journal; without one the runbooks can be read and previewed, nothing is recorded and
 * nothing can be run.
 */
public final class RollbackViewModel {

    private final IncidentSession session;
    private final RollbackRequests requests;
    private final ObservableValue<Plan> plan;
    private final RollbackRecorder journal;
    private final ScriptGenerator generator;
    private final ScriptFiles files;
    private final DrillRuns runs;
    private final BackgroundTasks tasks;
    private final Executor fxThread;
    private final Clock clock;

    private final ObservableList<RollbackTarget> targets = FXCollections.observableArrayList();
    private final ObservableList<RollbackTarget> targetsView = FXCollections.unmodifiableObservableList(targets);
    private final ReadOnlyObjectWrapper<RollbackTarget> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<DecisionChecklist> checklist = new ReadOnlyObjectWrapper<>(this, "checklist");
    private final ReadOnlyObjectWrapper<List<Field>> fields = new ReadOnlyObjectWrapper<>(this, "fields", List.of());
    private final ReadOnlyObjectWrapper<List<String>> procedureProblems =
            new ReadOnlyObjectWrapper<>(this, "procedureProblems", List.of());
    private final ReadOnlyBooleanWrapper canGenerate = new ReadOnlyBooleanWrapper(this, "canGenerate");
    private final BooleanProperty dryRun = new SimpleBooleanProperty(this, "dryRun");
    private final ReadOnlyObjectWrapper<GeneratedScript> script = new ReadOnlyObjectWrapper<>(this, "script");
    private final ReadOnlyObjectWrapper<List<String>> unsafeSteps =
            new ReadOnlyObjectWrapper<>(this, "unsafeSteps", List.of());
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyStringWrapper recordingNotice = new ReadOnlyStringWrapper(this, "recordingNotice", "");
    private final StringProperty workingDirectory = new SimpleStringProperty(this, "workingDirectory", "");
    private final ReadOnlyStringWrapper workingDirectoryProblem =
            new ReadOnlyStringWrapper(this, "workingDirectoryProblem", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
    /** A step of a step-by-step run is starting or running: the whole script waits, as the steps wait for it. */
    private boolean stepRunning;
    private final ReadOnlyStringWrapper runStatus = new ReadOnlyStringWrapper(this, "runStatus", "");
    private final ReadOnlyObjectWrapper<RunResult> lastResult = new ReadOnlyObjectWrapper<>(this, "lastResult");
    private final ReadOnlyIntegerWrapper runCount = new ReadOnlyIntegerWrapper(this, "runCount");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<List<StepCommand>> stepCommands =
            new ReadOnlyObjectWrapper<>(this, "stepCommands", List.of());
    private final OutputBuffer output = new OutputBuffer(20_000);
    private final InvalidationListener changed = obs -> refresh();

    /** The runbooks' sessions and the values the operator typed: they survive switching procedures. */
    private final RollbackSessions sessions;
    private Plan shownPlan;
    private String shownIncidentId;
    private RunningScript current;

    /** A form field as the view draws it: its state, where its value came from, and what is wrong with it. */
    public record Field(FieldState state, String origin) {
        public String name() {
            return state.name();
        }

        /** Why the value cannot be used, or null when it can. */
        public String problem() {
            return state.problem().orElse(null);
        }
    }

    /**
     * @param journal          where acts go when an incident on this plan is open and writable
     * @param fxThread         runs work on the FX thread (the end of a run arrives on the runner's thread)
     * @param workingDirectory where scripts run (the repository the commands act on) until the operator changes it
     */
    public RollbackViewModel(IncidentSession session, ObservableValue<Plan> plan, RollbackRecorder journal,
                             ScriptGenerator generator, ScriptFiles files, ScriptRunner runner, BackgroundTasks tasks,
                             Executor fxThread, Clock clock, Path workingDirectory) {
        this(session, plan, journal, generator, files, runner, tasks, fxThread, clock, workingDirectory,
                new RollbackRequests());
    }

    /** @param requests other areas' "roll back this phase", taken each time the area is shown */
    public RollbackViewModel(IncidentSession session, ObservableValue<Plan> plan, RollbackRecorder journal,
                             ScriptGenerator generator, ScriptFiles files, ScriptRunner runner, BackgroundTasks tasks,
                             Executor fxThread, Clock clock, Path workingDirectory, RollbackRequests requests) {
        this(session, plan, journal, generator, files, DrillRuns.never(runner, ProcessStepExecutor.daemonTimer(), clock),
                tasks, fxThread, clock, workingDirectory, requests);
    }

    /** @param runs how a run goes: for real, or in a drill through its stubs unless run-for-real was chosen */
    public RollbackViewModel(IncidentSession session, ObservableValue<Plan> plan, RollbackRecorder journal,
                             ScriptGenerator generator, ScriptFiles files, DrillRuns runs, BackgroundTasks tasks,
                             Executor fxThread, Clock clock, Path workingDirectory, RollbackRequests requests) {
        this.requests = requests;
        this.session = session;
        this.plan = plan;
        this.journal = journal;
        this.generator = generator;
        this.files = files;
        this.runs = runs;
        this.tasks = tasks;
        this.fxThread = fxThread;
        this.clock = clock;
        this.sessions = new RollbackSessions(journal, generator, files, clock);
        this.workingDirectory.set(workingDirectory.toString());
        this.workingDirectory.addListener(obs -> updateCanRun());
        dryRun.addListener(obs -> script.set(null));
        script.addListener(obs -> updateCanRun());
        updateCanRun();
    }

    public void activate() {
        plan.addListener(changed);
        session.stateProperty().addListener(changed);
        session.incidentProperty().addListener(changed);
        refresh();
        requests.take().ifPresent(this::selectForPhase);
    }

    public void deactivate() {
        plan.removeListener(changed);
        session.stateProperty().removeListener(changed);
        session.incidentProperty().removeListener(changed);
    }

    private final ReadOnlyObjectWrapper<Set<String>> atRisk =
            new ReadOnlyObjectWrapper<>(this, "atRisk", Set.of());

    /**
     * The procedures that roll back a phase whose success is at risk (a test of it failed): the list marks them, so
     * the runbook to reach for is the one that stands out.
     */
    public ReadOnlyObjectProperty<Set<String>> atRiskProperty() {
        return atRisk.getReadOnlyProperty();
    }

    private void refresh() {
        Plan current = plan.getValue();
        IncidentState state = liveState(current);
        Set<String> risky = RollbackTargets.atRisk(current, state);
        if (!risky.equals(atRisk.get())) {
            atRisk.set(risky);
        }
        Incident incident = state == null ? null : session.incidentProperty().get();
        boolean writable = incident != null && session.writableBinding().get();
        recording.set(writable);
        recordingNotice.set(notice(current, incident, writable));
        updateCanRun();
        String incidentId = incident == null ? null : incident.id();
        if (current != shownPlan) {
            shownPlan = current;
            sessions.clear();
            script.set(null);
            targets.setAll(RollbackTargets.all(current));
            shownIncidentId = incidentId;
            selected.set(null);
            select(defaultTarget(current, state));
            return;
        }
        if (!Objects.equals(incidentId, shownIncidentId)) {
            shownIncidentId = incidentId;
            script.set(null);
            select(defaultTarget(current, state));
            return;
        }
        show();
    }

    /** The incident's state when it is about the plan shown (the operator may be reading another plan). */
    private IncidentState liveState(Plan current) {
        IncidentState state = session.stateProperty().get();
        return state != null && current != null && state.plan() == current ? state : null;
    }

    private static String notice(Plan current, Incident incident, boolean writable) {
        if (current == null) {
            return "No plan is open.";
        }
        if (incident == null) {
            return "No incident is open: you can read the runbooks and preview scripts, but nothing here is recorded"
                    + " and scripts cannot be run. Start or resume an incident (File → Incident…, Ctrl+I) to record"
                    + " and run.";
        }
        if (!writable) {
            return "Incident " + incident.id() + " is open read-only (" + incident.readOnlyReason().orElse("")
                    + "): nothing here is recorded and scripts cannot be run.";
        }
        return "Recording in incident " + incident.id() + " as " + incident.operator()
                + ": ticks, generated scripts, copies and runs go to its journal.";
    }

    /** The procedure for the phase in progress, else the first one. */
    private RollbackTarget defaultTarget(Plan current, IncidentState state) {
        if (current == null || targets.isEmpty()) {
            return null;
        }
        List<RollbackTarget> inProgress = RollbackTargets.inProgress(current, state);
        return inProgress.isEmpty() ? targets.get(0) : inProgress.get(0);
    }

    public void select(RollbackTarget target) {
        if (target != null && !targets.contains(target)) {
            throw new IllegalArgumentException("not a procedure of the shown plan: " + target.procedure().id());
        }
        if (!Objects.equals(target, selected.get())) {
            script.set(null);
        }
        selected.set(target);
        show();
    }

    /** Selects the first procedure that covers the phase; false (selection unchanged) when none does. */
    public boolean selectForPhase(String phaseId) {
        Plan current = plan.getValue();
        if (current == null) {
            return false;
        }
        Optional<RollbackTarget> target = RollbackTarget.forPhase(current, phaseId).stream()
                .filter(targets::contains).findFirst();
        target.ifPresent(this::select);
        return target.isPresent();
    }

    /** Selects a procedure by id; false when the shown plan has none with that id. */
    public boolean select(String procedureId) {
        Optional<RollbackTarget> target = targets.stream()
                .filter(t -> t.procedure().id().equals(procedureId)).findFirst();
        target.ifPresent(this::select);
        return target.isPresent();
    }

    /** Brings every read-only property in line with the selected procedure's session. */
    private void show() {
        RollbackTarget target = selected.get();
        if (target == null) {
            checklist.set(null);
            fields.set(List.of());
            procedureProblems.set(List.of());
            canGenerate.set(false);
            stepCommands.set(List.of());
            return;
        }
        RollbackSession rollback = sessionFor(target);
        IncidentState state = liveState(shownPlan);
        RollbackForm form = rollback.form();
        checklist.set(state == null ? rollback.checklist()
                : new DecisionChecklist(target.runbook(), state.tickedCriteria(target.runbook().id())));
        List<Field> rows = form.fields().stream().map(f -> new Field(f, RollbackSessions.origin(f, state))).toList();
        if (!rows.equals(fields.get())) {
            fields.set(rows);
        }
        List<String> problems = form.problems().stream().filter(p -> p.parameter() == null)
                .map(FieldProblem::message).toList();
        if (!problems.equals(procedureProblems.get())) {
            procedureProblems.set(problems);
        }
        canGenerate.set(form.canGenerate());
        List<StepCommand> steps = stepCommandsOf(form);
        if (!steps.equals(stepCommands.get())) {
            stepCommands.set(steps);
        }
        GeneratedScript shown = script.get();
        if (shown != null && !shown.values().equals(form.values())) {
            script.set(null);
        }
    }

    /** The steps with the form's values, for the step-by-step run; none while a value is missing or invalid. */
    private static List<StepCommand> stepCommandsOf(RollbackForm form) {
        try {
            return StepCommand.of(form);
        } catch (ScriptRefusedException e) {
            return List.of();
        }
    }

    /** The runbook's session, rebuilt (keeping the operator's values) when the incident, its values or ticks change. */
    private RollbackSession sessionFor(RollbackTarget target) {
        IncidentState state = liveState(shownPlan);
        Incident incident = state == null ? null : session.incidentProperty().get();
        return sessions.sessionFor(target, shownPlan, state, incident, recording.get());
    }

    /** The operator's value for a parameter of the selected procedure. */
    public void setValue(String name, String value) {
        RollbackTarget target = selected.get();
        if (target == null) {
            return;
        }
        sessions.enter(target.runbook().id(), name, value);
        show();
    }

    /** Ticks or unticks a decision criterion; with an incident open it shows as ticked once the journal has it. */
    public void tick(String criterionId, boolean ticked) {
        RollbackTarget target = selected.get();
        if (target == null) {
            return;
        }
        sessionFor(target).tick(criterionId, ticked);
        show();
    }

    /** Renders the script (recorded with its hash and values when recording). */
    public void generate() {
        RollbackTarget target = selected.get();
        if (target == null || !canGenerate.get()) {
            return;
        }
        try {
            GeneratedScript generated = sessionFor(target).generate(dryRun.get() ? ScriptMode.DRY_RUN : ScriptMode.EXECUTE);
            unsafeSteps.set(target.procedure().steps().stream()
                    .filter(step -> step.unsafe() && step.command() != null && !step.alternative())
                    .map(step -> step.title() != null && !step.title().isBlank() ? step.title() : step.command())
                    .toList());
            script.set(generated);
            message.set("Generated " + (generated.mode() == ScriptMode.DRY_RUN ? "a dry run" : "the script")
                    + " (sha256 " + generated.sha256().substring(0, 12) + "…)"
                    + (recording.get() ? "; recorded." : "; not recorded (no incident)."));
        } catch (ScriptRefusedException e) {
            message.set("Cannot generate: " + e.getMessage());
        }
    }

    /** Records that the view put the current script on the clipboard. */
    public void copied() {
        GeneratedScript shown = script.get();
        RollbackTarget target = selected.get();
        if (shown == null || target == null) {
            return;
        }
        sessionFor(target).copied(shown);
        message.set("Copied the script to the clipboard" + (recording.get() ? "; recorded." : "."));
    }

    /** Saves the current script as an executable file, in the background. */
    public void save(Path target) {
        GeneratedScript shown = script.get();
        RollbackTarget selectedTarget = selected.get();
        if (shown == null || selectedTarget == null) {
            return;
        }
        RollbackSession rollback = sessionFor(selectedTarget);
        tasks.run(() -> rollback.save(shown, target),
                saved -> message.set("Saved as " + saved + " (executable)."),
                error -> message.set("Could not save " + target + ": " + error.getMessage()));
    }

    public String suggestedFileName() {
        GeneratedScript shown = script.get();
        return shown == null ? "rollback.sh" : files.suggestedName(shown);
    }

    /** A run now goes through a drill's stubs (nothing real runs). */
    public boolean runsThroughStubs() {
        return runs.stubbed();
    }

    /** The open incident is a drill. */
    public boolean drill() {
        return runs.drill();
    }

    /** Runs the current script; the view calls it only after the operator confirmed the exact text. */
    public void run() {
        GeneratedScript shown = script.get();
        RollbackTarget target = selected.get();
        if (!canRun.get() || shown == null || target == null) {
            return;
        }
        Path directory = Path.of(workingDirectory.get().strip());
        output.clear();
        runCount.set(runCount.get() + 1);
        lastResult.set(null);
        DrillRuns.Prepared prepared = null;
        try {
            prepared = runs.prepare(stepCommands.get());
            RunningScript started = sessionFor(target).run(shown, prepared.runner(), directory, output::append);
            current = started;
            running.set(true);
            updateCanRun();
            runStatus.set((prepared.stubbed() ? "DRILL: running through the stubs (nothing real runs) "
                    : runs.drill() ? "DRILL, RUN FOR REAL (chosen in this drill): running " : "Running ")
                    + (shown.mode() == ScriptMode.DRY_RUN ? "a dry run of " : "")
                    + target.procedure().id() + " (pid " + started.pid() + ") in " + directory + " — Esc cancels");
            DrillRuns.Prepared ran = prepared;
            started.result().whenComplete((result, error) -> {
                ran.close();
                fxThread.execute(() -> finished(started, result, error));
            });
        } catch (IOException e) {
            if (prepared != null) {
                prepared.close();
            }
            runStatus.set("Could not start the script: " + e.getMessage());
        }
    }

    private void finished(RunningScript run, RunResult result, Throwable error) {
        if (run != current) {
            return;
        }
        current = null;
        running.set(false);
        updateCanRun();
        if (error != null) {
            runStatus.set("The run ended without a result: " + error.getMessage());
            return;
        }
        lastResult.set(result);
        String outcome = result.cancelled()
                ? "Cancelled: the script and everything it started were ended (exit code " + result.exitCode() + ")"
                : "Exit code " + result.exitCode() + (result.exitCode() == 0 ? " — succeeded" : " — failed");
        runStatus.set((result.stubbed() ? "DRILL, through the stubs: " : "") + outcome
                + (recording.get() ? "; recorded in the journal" + (result.stubbed() ? " as a stubbed run." : ".")
                : "."));
    }

    /** Ends the running script and every process it started. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            runStatus.set("Cancelling: ending the script and everything it started…");
        }
    }

    /** Lines printed since the last call; the view drains this once per frame. */
    List<String> drainOutput() {
        return output.drain();
    }

    private void updateCanRun() {
        String problem = directoryProblem(workingDirectory.get());
        workingDirectoryProblem.set(problem);
        canRun.set(recording.get() && script.get() != null && !running.get() && !stepRunning && problem.isEmpty());
    }

    /** Told by the step-by-step run when one of its steps starts and ends (two runs at once would interleave). */
    void stepRunning(boolean now) {
        stepRunning = now;
        updateCanRun();
    }

    private static String directoryProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Enter the directory the script runs in (the repository its commands act on).";
        }
        try {
            Path path = Path.of(text.strip());
            return Files.isDirectory(path) ? "" : "'" + text.strip() + "' is not an existing directory.";
        } catch (InvalidPathException e) {
            return "'" + text.strip() + "' is not a path: " + e.getReason();
        }
    }

    /** The selected procedure's steps with the form's current values (empty while the form cannot generate). */
    public ReadOnlyObjectProperty<List<StepCommand>> stepCommandsProperty() {
        return stepCommands.getReadOnlyProperty();
    }

    public ObservableList<RollbackTarget> targets() {
        return targetsView;
    }

    public ReadOnlyObjectProperty<RollbackTarget> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DecisionChecklist> checklistProperty() {
        return checklist.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Field>> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> procedureProblemsProperty() {
        return procedureProblems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGenerateProperty() {
        return canGenerate.getReadOnlyProperty();
    }

    public BooleanProperty dryRunProperty() {
        return dryRun;
    }

    public ReadOnlyObjectProperty<GeneratedScript> scriptProperty() {
        return script.getReadOnlyProperty();
    }

    /**
     * The steps of the generated script that the plan marks {@code unsafe} (a value reaches something that runs it
     * as code); the run confirmation shows them in red. Empty for an ordinary script.
     */
    public ReadOnlyObjectProperty<List<String>> unsafeStepsProperty() {
        return unsafeSteps.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recordingNoticeProperty() {
        return recordingNotice.getReadOnlyProperty();
    }

    public StringProperty workingDirectoryProperty() {
        return workingDirectory;
    }

    public ReadOnlyStringProperty workingDirectoryProblemProperty() {
        return workingDirectoryProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runStatusProperty() {
        return runStatus.getReadOnlyProperty();
    }

    /** The last finished run, null while one runs or before the first. */
    public ReadOnlyObjectProperty<RunResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    /** Increases when a run starts: the view clears its console pane. */
    public ReadOnlyIntegerProperty runCountProperty() {
        return runCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
