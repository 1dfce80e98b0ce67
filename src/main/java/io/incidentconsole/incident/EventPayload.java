package io.incidentconsole.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentconsole.plan.PhaseStatus;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an event says happened. One record per kind; the kind name written to the journal is the record's
 * simple name. Fields refer to the plan by id (phase id, task id, check or case id...), never by position.
 * A kind this version does not know is read as {@link Unrecognized} and kept as it was written.
 */
public sealed interface EventPayload {

    /** The name written to the journal's {@code kind} field. */
    default String kind() {
        return getClass().getSimpleName();
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
    record IncidentStarted(String incidentId, String planTitle, String planSha256) implements EventPayload {
        public IncidentStarted {
            require(incidentId, "incidentId");
        }
    }

    record PhaseStarted(String phaseId) implements EventPayload {
        public PhaseStarted {
            require(phaseId, "phaseId");
        }
    }

    /** {@code confirmedOpenItems}: what was still open when the operator completed the phase anyway. */
    record PhaseCompleted(String phaseId, List<String> confirmedOpenItems) implements EventPayload {
        public PhaseCompleted {
            require(phaseId, "phaseId");
            confirmedOpenItems = copy(confirmedOpenItems);
        }
    }

    record PhaseStatusChanged(String phaseId, PhaseStatus status, String reason) implements EventPayload {
        public PhaseStatusChanged {
            require(phaseId, "phaseId");
            Objects.requireNonNull(status, "status");
        }
    }

    /** {@code gate} names what was overridden, e.g. "dependencies" or "audit". */
    record GateOverridden(String phaseId, String gate, String reason) implements EventPayload {
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
    record TaskTicked(String phaseId, String taskId,
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String stepId) implements EventPayload {
        public TaskTicked {
            require(phaseId, "phaseId");
            require(taskId, "taskId");
        }

        public TaskTicked(String phaseId, String taskId) {
            this(phaseId, taskId, null);
        }
    }

    /** {@code stepId}: the guided step this untick reopens, if the task is one. */
    record TaskUnticked(String phaseId, String taskId,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String stepId) implements EventPayload {
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
    record TestResultSet(String suiteId, String testId, String phaseId, TestOutcome outcome, String note)
            implements EventPayload {
        public TestResultSet {
            require(suiteId, "suiteId");
            require(testId, "testId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** One step of a test case ticked or unticked; {@code step} is 1-based. */
    record TestStepTicked(String suiteId, String caseId, int step, boolean ticked) implements EventPayload {
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
    record GuidedStepDone(String phaseId, String stepId,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<String> taskIds) implements EventPayload {
        public GuidedStepDone {
            require(phaseId, "phaseId");
            require(stepId, "stepId");
            taskIds = copy(taskIds);
        }

        public GuidedStepDone(String phaseId, String stepId) {
            this(phaseId, stepId, List.of());
        }
    }

    record WaitStarted(String phaseId, String stepId, Duration duration) implements EventPayload {
        public WaitStarted {
            require(phaseId, "phaseId");
            require(stepId, "stepId");
            Objects.requireNonNull(duration, "duration");
        }
    }

    record WaitCutShort(String phaseId, String stepId, String reason) implements EventPayload {
        public WaitCutShort {
            require(phaseId, "phaseId");
            require(stepId, "stepId");
            require(reason, "reason");
        }
    }

    /** An audit gate's output checked: its hash, the overall verdict, and each expected field's verdict. */
    record AuditChecked(String phaseId, String outputSha256, boolean passed, List<FieldVerdict> fields)
            implements EventPayload {
        public AuditChecked {
            require(phaseId, "phaseId");
            fields = copy(fields);
        }
    }

    record FieldVerdict(String field, String expected, String actual, boolean passed) {
    }

    /** {@code sourceStep}: the guided step or procedure step where the value was entered, if any. */
    record ParameterEntered(String name, String value, String sourceStep) implements EventPayload {
        public ParameterEntered {
            require(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code source}: the step the command comes from (guided step or procedure step id). */
    record CommandGenerated(String source, String scriptSha256, String script) implements EventPayload {
        public CommandGenerated {
            require(source, "source");
            require(scriptSha256, "scriptSha256");
        }
    }

    record CommandCopied(String source, String scriptSha256) implements EventPayload {
        public CommandCopied {
            require(source, "source");
            require(scriptSha256, "scriptSha256");
        }
    }

    record ScriptRun(String source, String scriptSha256, int exitCode, String outputTail) implements EventPayload {
        public ScriptRun {
            require(source, "source");
            require(scriptSha256, "scriptSha256");
        }
    }

    record DecisionTaken(String treeId, List<Answer> answers, String outcomeId) implements EventPayload {
        public DecisionTaken {
            require(treeId, "treeId");
            answers = copy(answers);
        }
    }

    /** The answer given to one question of a decision tree. */
    record Answer(String nodeId, String label) {
    }

    /**
     * A criterion confirmed or cleared: a rollback decision criterion ({@code ownerId} is the runbook) or a phase's
     * success criterion ({@code ownerId} is the phase). Journals written before the field was renamed say
     * {@code runbookId}. {@code observed}: the value the confirmation rests on, when a metric condition proposed it
     * ("convex_calls = 2.7M at 10:42 UTC").
     */
    record CriterionTicked(@com.fasterxml.jackson.annotation.JsonAlias("runbookId") String ownerId, String criterionId,
                           boolean ticked,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String observed) implements EventPayload {
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
    record RollbackStarted(String runbookId, String procedureId, String reason,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String phaseId)
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
    record RollbackFinished(String runbookId, String procedureId, boolean succeeded, String note,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String phaseId)
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
    record StepStarted(String runId, String runbookId, String procedureId, String stepId, int number, String title,
                       String command, int attempt, Duration timeout) implements EventPayload {
        public StepStarted {
            require(runId, "runId");
            require(runbookId, "runbookId");
            require(procedureId, "procedureId");
            require(stepId, "stepId");
        }
    }

    /**
     * A step's process ended: its exit code (128 + signal when killed), whether the operator cancelled it or its
     * timeout ended it, how long it ran, the last lines of its output and the file holding all of it.
     */
    record StepFinished(String runId, String procedureId, String stepId, int attempt, int exitCode, boolean cancelled,
                        boolean timedOut, Duration duration, String outputTail, String logFile)
            implements EventPayload {
        public StepFinished {
            require(runId, "runId");
            require(procedureId, "procedureId");
            require(stepId, "stepId");
        }
    }

    /** The operator skipped a step (the reason is required). */
    record StepSkipped(String runId, String procedureId, String stepId, String reason) implements EventPayload {
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
    record StepOutcomeDecided(String runId, String procedureId, String stepId, StepDecision decision, String note)
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
    record StepRunAborted(String runId, String runbookId, String procedureId, String reason) implements EventPayload {
        public StepRunAborted {
            require(runId, "runId");
            require(procedureId, "procedureId");
        }
    }

    /**
     * A handoff summary was copied or saved for the operator taking over: {@code action} "copied" or "saved",
     * {@code file} where it was saved, {@code watchOut} the notes the operator typed, {@code summary} the Markdown.
     */
    record HandoffShared(String action, String file, String watchOut, String summary) implements EventPayload {
        public HandoffShared {
            require(action, "action");
        }
    }

    /** {@code toOperator} took the incident over from {@code fromOperator}; later events carry their name. */
    record IncidentTakenOver(String fromOperator, String toOperator, String note) implements EventPayload {
        public IncidentTakenOver {
            require(toOperator, "toOperator");
        }
    }

    /** {@code alertId}: the plan's alert rule id (or a metric id for an ad-hoc alert). */
    record AlertFired(String alertId, String metricId, Double value, String message) implements EventPayload {
        public AlertFired {
            require(alertId, "alertId");
        }
    }

    /**
     * The alert's condition stopped holding: {@code value} is the sample that showed it, {@code message} says when
     * ("… back under 900K at 09:16:40 UTC"). The alert stays open until acknowledged.
     */
    record AlertCleared(String alertId, String metricId, Double value, String message) implements EventPayload {
        public AlertCleared {
            require(alertId, "alertId");
        }
    }

    record AlertAcknowledged(String alertId, String note) implements EventPayload {
        public AlertAcknowledged {
            require(alertId, "alertId");
        }
    }

    record NoteAdded(String phaseId, String text) implements EventPayload {
        public NoteAdded {
            require(text, "text");
        }
    }

    /** The operator of the event signs; {@code approvalId} is the plan's approval it fulfils. */
    record SignOffGiven(String approvalId, String role, String note) implements EventPayload {
        public SignOffGiven {
            require(approvalId, "approvalId");
        }
    }

    record UpdatePublished(String cadenceId, String audience, String text) implements EventPayload {
        public UpdatePublished {
            require(text, "text");
        }
    }

    /** Cancels the effect of an earlier event (an undo of an undo restores it). Nothing is deleted. */
    record Undo(String eventId) implements EventPayload {
        public Undo {
            require(eventId, "eventId");
        }
    }

    /**
     * Written first in a new journal segment when the previous segment could not be continued: its last line
     * was torn by a crash, or a line in it is damaged. Events after {@code afterSeq} in earlier segments are
     * not part of the incident (they stay in their file for inspection).
     */
    record JournalContinued(long afterSeq, String damagedSegment, int damagedLine, String reason)
            implements EventPayload {
    }

    /**
     * An event of a kind this version does not know (written by a newer version), or whose fields it cannot
     * read. Kept as written so it can be shown; it changes no state.
     */
    record Unrecognized(String kind, JsonNode fields, String problem) implements EventPayload {
        public Unrecognized {
            require(kind, "kind");
        }
    }
}
