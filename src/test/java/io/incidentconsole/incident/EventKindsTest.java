package io.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, finding 10: the on-disk format is declared, not derived from Java names. A new event record without a
 * wire name fails here; so does a changed wire name or field name (they are written in journals that must replay
 * forever).
 */
class EventKindsTest {

    /** The wire format as released: kind → field names. Extend it for a new kind; never edit an existing line. */
    private static final Map<String, List<String>> FROZEN = frozen(
            "IncidentStarted: incidentId planTitle planSha256",
            "PhaseStarted: phaseId",
            "PhaseCompleted: phaseId confirmedOpenItems",
            "PhaseStatusChanged: phaseId status reason",
            "GateOverridden: phaseId gate reason",
            "TaskTicked: phaseId taskId",
            "TaskUnticked: phaseId taskId",
            "TestResultSet: suiteId testId phaseId outcome note",
            "TestStepTicked: suiteId caseId step ticked",
            "GuidedStepDone: phaseId stepId",
            "WaitStarted: phaseId stepId duration",
            "WaitCutShort: phaseId stepId reason",
            "AuditChecked: phaseId outputSha256 passed fields",
            "ParameterEntered: name value sourceStep",
            "CommandGenerated: source scriptSha256 script",
            "CommandCopied: source scriptSha256",
            "ScriptRun: source scriptSha256 exitCode outputTail",
            "DecisionTaken: treeId answers outcomeId",
            "CriterionTicked: ownerId criterionId ticked",
            "RollbackStarted: runbookId procedureId reason",
            "RollbackFinished: runbookId procedureId succeeded note",
            "AlertFired: alertId metricId value message",
            "AlertAcknowledged: alertId note",
            "NoteAdded: phaseId text",
            "SignOffGiven: approvalId role note",
            "UpdatePublished: cadenceId audience text",
            "Undo: eventId",
            "JournalContinued: afterSeq damagedSegment damagedLine reason",
            // 0.2: new kinds
            "AlertCleared: alertId metricId value message",
            "StepStarted: runId runbookId procedureId stepId number title command attempt timeout",
            "StepFinished: runId procedureId stepId attempt exitCode cancelled timedOut duration outputTail logFile",
            "StepSkipped: runId procedureId stepId reason",
            "StepOutcomeDecided: runId procedureId stepId decision note",
            "StepRunAborted: runId runbookId procedureId reason",
            "HandoffShared: action file watchOut summary",
            "IncidentTakenOver: fromOperator toOperator note",
            // 0.3: new kinds
            "DrillScenarioAttached: name title scenarioSha256",
            "ScenarioEventPlayed: number description",
            "DrillClockAdvanced: by reason",
            "DrillRunModeChosen: real reason");

    /**
     * Fields added to a released kind later, after its frozen ones: optional, so a line written before them reads
     * them as absent (null or empty), and a line written after them still carries every frozen field.
     */
    private static final Map<String, List<String>> APPENDED = frozen(
            "TaskTicked: stepId",
            "TaskUnticked: stepId",
            "GuidedStepDone: taskIds",
            "CriterionTicked: observed",
            "RollbackStarted: phaseId",
            "RollbackFinished: phaseId",
            "ScriptRun: stubbed",
            "StepStarted: stubbed");

    private static Map<String, List<String>> frozen(String... lines) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split(": ");
            map.put(parts[0], List.of(parts[1].split(" ")));
        }
        return map;
    }

    @Test
    void everyEventRecordHasAWireName() {
        List<Class<?>> unregistered = Arrays.stream(EventPayload.class.getPermittedSubclasses())
                .filter(type -> type != EventPayload.Unrecognized.class)
                .filter(type -> !EventKinds.all().containsValue(type))
                .toList();

        assertThat(unregistered).as("event records without a wire name in EventKinds").isEmpty();
    }

    @Test
    void wireNamesAndFieldNamesAreTheFrozenOnes() {
        Map<String, List<String>> actual = new LinkedHashMap<>();
        EventKinds.all().forEach((name, type) -> actual.put(name, Arrays.stream(type.getRecordComponents())
                .map(EventKindsTest::wireField).toList()));

        // New kinds may be added (and must then be added to FROZEN); none may change or disappear. A released kind
        // may only gain optional fields after its frozen ones (APPENDED).
        Map<String, List<String>> expected = new LinkedHashMap<>();
        FROZEN.forEach((kind, fields) -> {
            List<String> all = new ArrayList<>(fields);
            all.addAll(APPENDED.getOrDefault(kind, List.of()));
            expected.put(kind, all);
        });
        assertThat(actual).containsAllEntriesOf(expected);
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void everyFieldNamesItsWireNameExplicitly() {
        List<String> implicit = EventKinds.all().values().stream()
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .filter(component -> component.getAccessor().getAnnotation(JsonProperty.class) == null)
                .map(component -> component.getDeclaringRecord().getSimpleName() + "." + component.getName())
                .collect(Collectors.toList());

        assertThat(implicit).as("record components without @JsonProperty").isEmpty();
    }

    @Test
    void theEncodedKindIsTheWireNameNotTheClassName() {
        Event event = new Event("e1", 1, Instant.parse("2026-01-01T00:00:00Z"), "ana",
                new EventPayload.TaskTicked("p1", "t1"));

        String line = new String(new EventCodec().encode(event), StandardCharsets.UTF_8);

        assertThat(line).contains("\"kind\":\"TaskTicked\"").contains("\"payload\":{\"phaseId\":\"p1\",\"taskId\":\"t1\"}");
    }

    private static String wireField(RecordComponent component) {
        // @JsonProperty on a component lands on its accessor (the annotation does not target components).
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null ? component.getName() : property.value();
    }
}
