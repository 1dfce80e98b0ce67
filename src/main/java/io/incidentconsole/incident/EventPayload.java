package io.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonAlias;
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
 */
public sealed interface EventPayload {

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

    record PhaseStarted(@JsonProperty("phaseId") String phaseId) implements EventPayload {
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

    record TaskTicked(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("taskId") String taskId) implements EventPayload {
        public TaskTicked {
            require(phaseId, "phaseId");
            require(taskId, "taskId");
        }
    }

    record TaskUnticked(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("taskId") String taskId) implements EventPayload {
        public TaskUnticked {
            require(phaseId, "phaseId");
            require(taskId, "taskId");
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

    record GuidedStepDone(
            @JsonProperty("phaseId") String phaseId,
            @JsonProperty("stepId") String stepId) implements EventPayload {
        public GuidedStepDone {
            require(phaseId, "phaseId");
            require(stepId, "stepId");
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

    record ScriptRun(
            @JsonProperty("source") String source,
            @JsonProperty("scriptSha256") String scriptSha256,
            @JsonProperty("exitCode") int exitCode,
            @JsonProperty("outputTail") String outputTail) implements EventPayload {
        public ScriptRun {
            require(source, "source");
            require(scriptSha256, "scriptSha256");
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

    /** A rollback decision criterion of a runbook ticked (it holds) or unticked. */
    /**
     * A criterion confirmed or cleared: a rollback decision criterion ({@code ownerId} is the runbook) or a phase's
     * success criterion ({@code ownerId} is the phase). Journals written before the field was renamed say
     * {@code runbookId}.
     */
    record CriterionTicked(
            @JsonProperty("ownerId") @JsonAlias("runbookId") String ownerId,
            @JsonProperty("criterionId") String criterionId,
            @JsonProperty("ticked") boolean ticked) implements EventPayload {
        public CriterionTicked {
            require(ownerId, "ownerId");
            require(criterionId, "criterionId");
        }
    }

    record RollbackStarted(
            @JsonProperty("runbookId") String runbookId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("reason") String reason) implements EventPayload {
        public RollbackStarted {
            require(runbookId, "runbookId");
        }
    }

    record RollbackFinished(
            @JsonProperty("runbookId") String runbookId,
            @JsonProperty("procedureId") String procedureId,
            @JsonProperty("succeeded") boolean succeeded,
            @JsonProperty("note") String note)
            implements EventPayload {
        public RollbackFinished {
            require(runbookId, "runbookId");
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
    record Undo(@JsonProperty("eventId") String eventId) implements EventPayload {
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
    record Unrecognized(String kind, JsonNode fields, String problem) implements EventPayload {
        public Unrecognized {
            require(kind, "kind");
        }
    }
}
