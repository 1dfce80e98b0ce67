package io.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.incidentconsole.plan.PhaseStatus;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an event says happened. One record per kind. The journal's format is frozen, not derived from Java names:
 * the kind written is the record's wire name in {@link EventKinds}, and every field is written under the name in
 * its {@code @JsonProperty}, so renaming a record or a component in an IDE cannot change what is on disk (ADR 0006).
 * A new kind gets a new record and a new wire name; see the ADR for how a kind may change.
 * Fields refer to the plan by id (phase id, task id, check or case id...), never by position.
 * A kind this version does not know is read as {@link Unrecognized} and kept as it was written.
 * Every kind is named in {@code permits}, those kept in a file of their own too ({@link DrillEvents}), so the
 * tests that check each kind has a wire name and a fold handler see them all.
 */
public sealed interface EventPayload
        permits EventPayload.IncidentStarted, EventPayload.PhaseStarted, EventPayload.PhaseCompleted,
        EventPayload.PhaseStatusChanged, EventPayload.GateOverridden, EventPayload.TaskTicked,
        EventPayload.TaskUnticked, EventPayload.TestResultSet, EventPayload.TestStepTicked,
        EventPayload.GuidedStepDone, EventPayload.WaitStarted, EventPayload.WaitCutShort, EventPayload.AuditChecked,
        EventPayload.ParameterEntered, EventPayload.CommandGenerated, EventPayload.CommandCopied,
        EventPayload.ScriptRun, EventPayload.DecisionTaken, EventPayload.CriterionTicked,
        EventPayload.RollbackStarted, EventPayload.RollbackFinished, EventPayload.StepStarted,
        EventPayload.StepFinished, EventPayload.StepSkipped, EventPayload.StepOutcomeDecided,
        EventPayload.StepRunAborted, EventPayload.HandoffShared, EventPayload.IncidentTakenOver,
        EventPayload.AlertFired, EventPayload.AlertCleared, EventPayload.AlertAcknowledged, EventPayload.NoteAdded,
        EventPayload.SignOffGiven, EventPayload.UpdatePublished, EventPayload.Undo, EventPayload.JournalContinued,
        EventPayload.Unrecognized, DrillEvents.DrillScenarioAttached, DrillEvents.ScenarioEventPlayed,
        DrillEvents.DrillClockAdvanced, DrillEvents.DrillRunModeChosen {

    /** The name written to the journal's {@code kind} field: the record's frozen wire name. */
    default String kind() {
        return EventKinds.wireName(getClass());
    }

    /** The phase the event is about, when it names one directly. */
    default String phaseId() {
        return null;
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The first event of every incident. */
    record IncidentStarted(
            @JsonProperty("incidentId") String incidentId,
            @JsonProperty("planTitle") String planTitle,
            @JsonProperty("planSha256") String planSha256) implements EventPayload {
        public IncidentStarted {
            require(incidentId, "incidentId");
        }
    }

    record PhaseStarted(
            @JsonProperty("phaseId") String phaseId) implements EventPayload {
        public PhaseStarted {
            require(phaseId, "phaseId");
        }
    }

    /** {@code confirmedOpenItems}: what was still open when the operator completed the phase anyway. */
    record PhaseCompleted(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("confirmedOpenItems") List<String> confirmedOpenItems) implements EventPayload {
        public PhaseCompleted {
            require(phaseId, "phaseId");
            confirmedOpenItems = copy(confirmedOpenItems);
        }
    }

    record PhaseStatusChanged(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("status") PhaseStatus status,
            @JsonProperty("reason") String reason) implements EventPayload {
        public PhaseStatusChanged {
            require(phaseId, "phaseId");
            Objects.requireNonNull(status, "status");
        }
    }

    /** {@code gate} names what was overridden, e.g. "dependencies" or "audit". */
    record GateOverridden(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("gate") String gate,
            @JsonProperty("reason") String reason) implements EventPayload {
        public GateOverridden {
            require(phaseId, "phaseId");
            require(gate, "gate");
            require(reason, "reason");
        }
    }

    /**
     * {@code stepId}: the guided step this tick also does (its last open task was ticked); absent in journals
     * written before a step and its tasks were one item.
     */
    record TaskTicked(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("taskId") String taskId,
            @JsonProperty("stepId") @JsonInclude(JsonInclude.Include.NON_NULL) String stepId) implements EventPayload {
        public TaskTicked {
            require(phaseId, "phaseId");
            require(taskId, "taskId");
        }

        public TaskTicked(String phaseId, String taskId) {
            this(phaseId, taskId, null);
        }
    }

    /** {@code stepId}: the guided step this untick reopens, if the task is one. */
    record TaskUnticked(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("taskId") String taskId,
            @JsonProperty("stepId") @JsonInclude(JsonInclude.Include.NON_NULL) String stepId) implements EventPayload {
        public TaskUnticked {
            require(phaseId, "phaseId");
            require(taskId, "taskId");
        }

        public TaskUnticked(String phaseId, String taskId) {
            this(phaseId, taskId, null);
        }
    }

    /**
     * A check's or test case's result. {@code phaseId} is the phase it was run for; absent, the result
     * counts for every phase its suite covers.
     */
    record TestResultSet(
            @JsonProperty("suiteId") String suiteId,
            @JsonProperty("testId") String testId,
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("outcome") TestOutcome outcome,
            @JsonProperty("note") String note)
            implements EventPayload {
        public TestResultSet {
            require(suiteId, "suiteId");
            require(testId, "testId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** One step of a test case ticked or unticked; {@code step} is 1-based. */
    record TestStepTicked(
            @JsonProperty("suiteId") String suiteId,
            @JsonProperty("caseId") String caseId,
            @JsonProperty("step") int step,
            @JsonProperty("ticked") boolean ticked) implements EventPayload {
        public TestStepTicked {
            require(suiteId, "suiteId");
            require(caseId, "caseId");
            if (step < 1) {
                throw new IllegalArgumentException("step is 1-based, got " + step);
            }
        }
    }

    /**
     * {@code taskIds}: the tasks this step is, ticked by the same event; empty in journals written before a step
     * and its tasks were one item.
     */
    record GuidedStepDone(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("stepId") String stepId,
            @JsonProperty("taskIds") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> taskIds) implements EventPayload {
        public GuidedStepDone {
            require(phaseId, "phaseId");
            require(stepId, "stepId");
            taskIds = copy(taskIds);
        }

        public GuidedStepDone(String phaseId, String stepId) {
            this(phaseId, stepId, List.of());
        }
    }

    record WaitStarted(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("stepId") String stepId,
            @JsonProperty("duration") Duration duration) implements EventPayload {
        public WaitStarted {
            require(phaseId, "phaseId");
            require(stepId, "stepId");
            Objects.requireNonNull(duration, "duration");
        }
    }

    record WaitCutShort(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("stepId") String stepId,
            @JsonProperty("reason") String reason) implements EventPayload {
        public WaitCutShort {
            require(phaseId, "phaseId");
            require(stepId, "stepId");
            require(reason, "reason");
        }
    }

    /** An audit gate's output checked: its hash, the overall verdict, and each expected field's verdict. */
    record AuditChecked(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("outputSha256") String outputSha256,
            @JsonProperty("passed") boolean passed,
            @JsonProperty("fields") List<FieldVerdict> fields)
            implements EventPayload {
        public AuditChecked {
            require(phaseId, "phaseId");
            fields = copy(fields);
        }
    }

    record FieldVerdict(
            @JsonProperty("field") String field,
            @JsonProperty("expected") String expected,
            @JsonProperty("actual") String actual,
            @JsonProperty("passed") boolean passed) {
    }

    /** {@code sourceStep}: the guided step or procedure step where the value was entered, if any. */
    record ParameterEntered(
            @JsonProperty("name") String name,
            @JsonProperty("value") String value,
            @JsonProperty("sourceStep") String sourceStep) implements EventPayload {
        public ParameterEntered {
            require(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code source}: the step the command comes from (guided step or procedure step id). */
    record CommandGenerated(
            @JsonProperty("source") String source,
            @JsonProperty("scriptSha256") String scriptSha256,
            @JsonProperty("script") String script) implements EventPayload {
        public CommandGenerated {
            require(source, "source");
            require(scriptSha256, "scriptSha256");
        }
    }

    record CommandCopied(
            @JsonProperty("source") String source,
            @JsonProperty("scriptSha256") String scriptSha256) implements EventPayload {
        public CommandCopied {
            require(source, "source");
            require(scriptSha256, "scriptSha256");
        }
    }

    /**
     * {@code stubbed}: true when a drill ran the script through its stubs (nothing real ran); absent in a real
     * incident, in a drill run for real, and in journals written before drills.
     */
    record ScriptRun(
            @JsonProperty("source") String source,
            @JsonProperty("scriptSha256") String scriptSha256,
            @JsonProperty("exitCode") int exitCode,
            @JsonProperty("outputTail") String outputTail,
            @JsonProperty("stubbed") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stubbed) implements EventPayload {
        public ScriptRun {
            require(source, "source");
            require(scriptSha256, "scriptSha256");
        }

        public ScriptRun(String source, String scriptSha256, int exitCode, String outputTail) {
            this(source, scriptSha256, exitCode, outputTail, null);
        }

        /** The run went through a drill's stubs. */
        public boolean wasStubbed() {
            return Boolean.TRUE.equals(stubbed);
        }
    }

    record DecisionTaken(
            @JsonProperty("treeId") String treeId,
            @JsonProperty("answers") List<Answer> answers,
            @JsonProperty("outcomeId") String outcomeId) implements EventPayload {
        public DecisionTaken {
            require(treeId, "treeId");
            answers = copy(answers);
        }
    }

    /** The answer given to one question of a decision tree. */
    record Answer(
            @JsonProperty("nodeId") String nodeId,
            @JsonProperty("label") String label) {
    }

    /**
     * A criterion confirmed or cleared: a rollback decision criterion ({@code ownerId} is the runbook) or a phase's
     * success criterion ({@code ownerId} is the phase). Journals written before the field was renamed say
     * {@code runbookId}. {@code observed}: the value the confirmation rests on, when a metric condition proposed it
     * ("convex_calls = 2.7M at 10:42 UTC").
     */
    record CriterionTicked(
            @JsonProperty("ownerId") @JsonAlias("runbookId") String ownerId,
            @JsonProperty("criterionId") String criterionId,
            @JsonProperty("ticked") boolean ticked,
            @JsonProperty("observed") @JsonInclude(JsonInclude.Include.NON_NULL) String observed) implements EventPayload {
        public CriterionTicked {
            require(ownerId, "ownerId");
            require(criterionId, "criterionId");
        }

        public CriterionTicked(String ownerId, String criterionId, boolean ticked) {
            this(ownerId, criterionId, ticked, null);
        }
    }

    /**
     * {@code phaseId}: the phase being rolled back (it shows ROLLING BACK); absent in journals written before
     * rollbacks had a phase, and then no phase changes. {@code runbookId} is {@link #BY_HAND} for a rollback done
     * outside any runbook.
     */
    record RollbackStarted(
            @JsonProperty("runbookId") String runbookId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("reason") String reason,
            @JsonProperty("phaseId") @JsonInclude(JsonInclude.Include.NON_NULL) String phaseId)
            implements EventPayload {
        public static final String BY_HAND = "by-hand";

        public RollbackStarted {
            require(runbookId, "runbookId");
        }

        public RollbackStarted(String runbookId, String procedureId, String reason) {
            this(runbookId, procedureId, reason, null);
        }
    }

    /** {@code phaseId}: as in {@link RollbackStarted}; a finished, succeeded rollback leaves it ROLLED BACK. */
    record RollbackFinished(
            @JsonProperty("runbookId") String runbookId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("succeeded") boolean succeeded,
            @JsonProperty("note") String note,
            @JsonProperty("phaseId") @JsonInclude(JsonInclude.Include.NON_NULL) String phaseId)
            implements EventPayload {
        public RollbackFinished {
            require(runbookId, "runbookId");
        }

        public RollbackFinished(String runbookId, String procedureId, boolean succeeded, String note) {
            this(runbookId, procedureId, succeeded, note, null);
        }
    }

    /**
     * One step of a procedure run step by step has started (recorded before its process starts, so a console that
     * dies mid-step leaves a start without a finish). {@code runId} groups the steps of one run of the procedure;
     * {@code command} is the exact command with its values; {@code attempt} counts from 1 within the run.
     */
    record StepStarted(
            @JsonProperty("runId") String runId,
            @JsonProperty("runbookId") String runbookId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("stepId") String stepId,
            @JsonProperty("number") int number,
            @JsonProperty("title") String title,
            @JsonProperty("command") String command,
            @JsonProperty("attempt") int attempt,
            @JsonProperty("timeout") Duration timeout,
            @JsonProperty("stubbed") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stubbed) implements EventPayload {
        public StepStarted {
            require(runId, "runId");
            require(runbookId, "runbookId");
            require(procedureId, "procedureId");
            require(stepId, "stepId");
        }

        public StepStarted(String runId, String runbookId, String procedureId, String stepId, int number, String title,
                           String command, int attempt, Duration timeout) {
            this(runId, runbookId, procedureId, stepId, number, title, command, attempt, timeout, null);
        }

        /** The step ran through a drill's stubs ({@code stubbed}, like {@link ScriptRun#stubbed}). */
        public boolean wasStubbed() {
            return Boolean.TRUE.equals(stubbed);
        }
    }

    /**
     * A step's process ended: its exit code (128 + signal when killed), whether the operator cancelled it or its
     * timeout ended it, how long it ran, the last lines of its output and the file holding all of it.
     */
    record StepFinished(
            @JsonProperty("runId") String runId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("stepId") String stepId,
            @JsonProperty("attempt") int attempt,
            @JsonProperty("exitCode") int exitCode,
            @JsonProperty("cancelled") boolean cancelled,
            @JsonProperty("timedOut") boolean timedOut,
            @JsonProperty("duration") Duration duration,
            @JsonProperty("outputTail") String outputTail,
            @JsonProperty("logFile") String logFile)
            implements EventPayload {
        public StepFinished {
            require(runId, "runId");
            require(procedureId, "procedureId");
            require(stepId, "stepId");
        }
    }

    /** The operator skipped a step (the reason is required). */
    record StepSkipped(
            @JsonProperty("runId") String runId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("stepId") String stepId,
            @JsonProperty("reason") String reason) implements EventPayload {
        public StepSkipped {
            require(runId, "runId");
            require(procedureId, "procedureId");
            require(stepId, "stepId");
            require(reason, "reason");
        }
    }

    /**
     * The operator decided what became of a step whose outcome the journal does not know (the console died while
     * it ran) or of a manual step: it ran, it did not run, or it is to be run again.
     */
    record StepOutcomeDecided(
            @JsonProperty("runId") String runId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("stepId") String stepId,
            @JsonProperty("decision") StepDecision decision,
            @JsonProperty("note") String note)
            implements EventPayload {
        public StepOutcomeDecided {
            require(runId, "runId");
            require(procedureId, "procedureId");
            require(stepId, "stepId");
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** What the operator decided about a step whose outcome was unknown. */
    enum StepDecision { RAN, DID_NOT_RUN, RETRY }

    /** The operator stopped a step-by-step run before its end. */
    record StepRunAborted(
            @JsonProperty("runId") String runId,
            @JsonProperty("runbookId") String runbookId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("reason") String reason) implements EventPayload {
        public StepRunAborted {
            require(runId, "runId");
            require(procedureId, "procedureId");
        }
    }

    /**
     * A handoff summary was copied or saved for the operator taking over: {@code action} "copied" or "saved",
     * {@code file} where it was saved, {@code watchOut} the notes the operator typed, {@code summary} the Markdown.
     */
    record HandoffShared(
            @JsonProperty("action") String action,
            @JsonProperty("file") String file,
            @JsonProperty("watchOut") String watchOut,
            @JsonProperty("summary") String summary) implements EventPayload {
        public HandoffShared {
            require(action, "action");
        }
    }

    /** {@code toOperator} took the incident over from {@code fromOperator}; later events carry their name. */
    record IncidentTakenOver(
            @JsonProperty("fromOperator") String fromOperator,
            @JsonProperty("toOperator") String toOperator,
            @JsonProperty("note") String note) implements EventPayload {
        public IncidentTakenOver {
            require(toOperator, "toOperator");
        }
    }

    /** {@code alertId}: the plan's alert rule id (or a metric id for an ad-hoc alert). */
    record AlertFired(
            @JsonProperty("alertId") String alertId,
            @JsonProperty("metricId") String metricId,
            @JsonProperty("value") Double value,
            @JsonProperty("message") String message) implements EventPayload {
        public AlertFired {
            require(alertId, "alertId");
        }
    }

    /**
     * The alert's condition stopped holding: {@code value} is the sample that showed it, {@code message} says when
     * ("… back under 900K at 09:16:40 UTC"). The alert stays open until acknowledged.
     */
    record AlertCleared(
            @JsonProperty("alertId") String alertId,
            @JsonProperty("metricId") String metricId,
            @JsonProperty("value") Double value,
            @JsonProperty("message") String message) implements EventPayload {
        public AlertCleared {
            require(alertId, "alertId");
        }
    }

    record AlertAcknowledged(
            @JsonProperty("alertId") String alertId,
            @JsonProperty("note") String note) implements EventPayload {
        public AlertAcknowledged {
            require(alertId, "alertId");
        }
    }

    record NoteAdded(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("text") String text) implements EventPayload {
        public NoteAdded {
            require(text, "text");
        }
    }

    /** The operator of the event signs; {@code approvalId} is the plan's approval it fulfils. */
    record SignOffGiven(
            @JsonProperty("approvalId") String approvalId,
            @JsonProperty("role") String role,
            @JsonProperty("note") String note) implements EventPayload {
        public SignOffGiven {
            require(approvalId, "approvalId");
        }
    }

    record UpdatePublished(
            @JsonProperty("cadenceId") String cadenceId,
            @JsonProperty("audience") String audience,
            @JsonProperty("text") String text) implements EventPayload {
        public UpdatePublished {
            require(text, "text");
        }
    }

    /** Cancels the effect of an earlier event (an undo of an undo restores it). Nothing is deleted. */
    record Undo(
            @JsonProperty("eventId") String eventId) implements EventPayload {
        public Undo {
            require(eventId, "eventId");
        }
    }

    /**
     * Written first in a new journal segment when the previous segment could not be continued: its last line
     * was torn by a crash, or a line in it is damaged. Events after {@code afterSeq} in earlier segments are
     * not part of the incident (they stay in their file for inspection).
     */
    record JournalContinued(
            @JsonProperty("afterSeq") long afterSeq,
            @JsonProperty("damagedSegment") String damagedSegment,
            @JsonProperty("damagedLine") int damagedLine,
            @JsonProperty("reason") String reason)
            implements EventPayload {
    }

    /**
     * An event of a kind this version does not know (written by a newer version), or whose fields it cannot
     * read. Kept as written so it can be shown; it changes no state.
     */
    record Unrecognized(
            @JsonProperty("kind") String kind,
            @JsonProperty("fields") JsonNode fields,
            @JsonProperty("problem") String problem) implements EventPayload {
        public Unrecognized {
            require(kind, "kind");
        }
    }
}
