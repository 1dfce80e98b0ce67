package io.incidentconsole.rollback;

import io.incidentconsole.output.OutputFileException;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.rollback.RollbackEvent.CriterionTicked;
import io.incidentconsole.rollback.RollbackEvent.ScriptCopied;
import io.incidentconsole.rollback.RollbackEvent.ScriptGenerated;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunFailed;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunFinished;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunStarted;
import io.incidentconsole.rollback.RollbackEvent.ScriptSaved;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the rollback view of one runbook does, with each act recorded: ticking decision criteria,
 * filling the parameter form of the chosen procedure, generating, copying, saving and running scripts.
 * Used from one thread (the view's); only the end of a run is recorded from the runner's thread.
 */
public final class RollbackSession {

    private final IncidentRef incident;
    private final Runbook runbook;
    private final Map<String, String> knownValues;
    private final ScriptGenerator generator;
    private final ScriptFiles files;
    private final RollbackRecorder recorder;
    private final Clock clock;
    private final Map<String, String> entered = new LinkedHashMap<>();
    private DecisionChecklist checklist;
    private RollbackForm form;

    /**
     * @param knownValues   values the incident already holds, by parameter name (the deployed commit)
     * @param tickedAlready criteria ticked earlier in this incident (replayed from the journal)
     */
    public RollbackSession(IncidentRef incident, Runbook runbook, Map<String, String> knownValues,
                           Set<String> tickedAlready, ScriptGenerator generator, ScriptFiles files,
                           RollbackRecorder recorder, Clock clock) {
        if (runbook.procedures().isEmpty()) {
            throw new IllegalArgumentException("runbook '" + runbook.id() + "' has no procedure");
        }
        this.incident = incident;
        this.runbook = runbook;
        this.knownValues = Map.copyOf(knownValues);
        this.generator = generator;
        this.files = files;
        this.recorder = recorder;
        this.clock = clock;
        this.checklist = new DecisionChecklist(runbook, tickedAlready);
        this.form = RollbackForm.open(runbook, runbook.procedures().get(0), this.knownValues);
    }

    public Runbook runbook() {
        return runbook;
    }

    public DecisionChecklist checklist() {
        return checklist;
    }

    /** Ticks or unticks a criterion and records it (nothing is recorded when nothing changes). */
    public DecisionChecklist tick(String criterionId, boolean ticked) {
        Criterion criterion = checklist.criterion(criterionId);
        if (checklist.isTicked(criterionId) != ticked) {
            checklist = checklist.with(criterionId, ticked);
            recorder.record(new CriterionTicked(clock.instant(), incident.operator(), runbook.id(), criterionId,
                    criterion.text(), ticked));
        }
        return checklist;
    }

    public RollbackForm form() {
        return form;
    }

    /** Switches to another procedure of the runbook; values the operator entered in this session carry over by name. */
    public RollbackForm selectProcedure(String procedureId) {
        Procedure procedure = runbook.procedures().stream().filter(p -> p.id().equals(procedureId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("runbook '" + runbook.id()
                        + "' has no procedure '" + procedureId + "'"));
        RollbackForm next = RollbackForm.open(runbook, procedure, knownValues);
        for (Map.Entry<String, String> value : entered.entrySet()) {
            if (next.field(value.getKey()).isPresent()) {
                next = next.with(value.getKey(), value.getValue());
            }
        }
        form = next;
        return form;
    }

    public RollbackForm set(String parameter, String value) {
        form = form.with(parameter, value);
        entered.put(parameter, value == null ? "" : value);
        return form;
    }

    /** Drops the operator's value: back to the incident's value or the plan's default. */
    public RollbackForm reset(String parameter) {
        form = form.reset(parameter);
        entered.remove(parameter);
        return form;
    }

    /**
     * Renders the script for the current form and records the generation (hash and values).
     *
     * @throws ScriptRefusedException naming each parameter whose value is missing or invalid
     */
    public GeneratedScript generate(ScriptMode mode) throws ScriptRefusedException {
        ScriptContext context = new ScriptContext(incident.incidentId(), incident.incidentName(),
                incident.planTitle(), incident.operator(), clock.instant());
        GeneratedScript script = generator.generate(context, form, mode);
        recorder.record(new ScriptGenerated(context.generatedAt(), incident.operator(), script.runbookId(),
                script.procedureId(), mode, script.sha256(), script.values(), script.text()));
        return script;
    }

    /** Records that the view put the script on the clipboard. */
    public void copied(GeneratedScript script) {
        recorder.record(new ScriptCopied(clock.instant(), incident.operator(), script.runbookId(),
                script.procedureId(), script.sha256()));
    }

    /** Saves the script as an executable file (atomically) and records where. */
    public Path save(GeneratedScript script, Path target) throws OutputFileException {
        Path saved = files.save(script, target);
        recorder.record(new ScriptSaved(clock.instant(), incident.operator(), script.runbookId(),
                script.procedureId(), script.sha256(), saved.toString()));
        return saved;
    }

    /**
     * Runs a script the operator has confirmed, in {@code workingDirectory}; records the start and, when it
     * ends, the exit code and the output's tail (or, if it cannot start, why).
     */
    public RunningScript run(GeneratedScript script, ScriptRunner runner, Path workingDirectory,
                             Consumer<String> onLine) throws IOException {
        RunningScript running;
        try {
            running = runner.start(script, workingDirectory, onLine);
        } catch (IOException e) {
            recorder.record(new ScriptRunFailed(clock.instant(), incident.operator(), script.runbookId(),
                    script.procedureId(), script.sha256(), String.valueOf(e.getMessage())));
            throw e;
        }
        recorder.record(new ScriptRunStarted(clock.instant(), incident.operator(), script.runbookId(),
                script.procedureId(), script.mode(), script.sha256(), running.pid()));
        running.result().thenAccept(result -> recorder.record(new ScriptRunFinished(result.endedAt(),
                incident.operator(), script.runbookId(), script.procedureId(), script.mode(), script.sha256(),
                result.exitCode(), result.cancelled(), result.outputTail(), result.stubbed())));
        return running;
    }
}
