package io.incidentconsole.incident;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * The frozen wire name of every event kind: what a journal line's {@code kind} says, mapped to the record that reads
 * it. The names are the ones 0.1 wrote (then the records' simple names) and never change: a record may be renamed
 * freely, its wire name stays. A new kind is a new record with a new name here (past tense, for what happened); a
 * kind whose fields must change incompatibly gets a new name too ({@code TaskTicked2}), and the old record stays to
 * read old journals. See docs/decisions/0006-event-versioning.md.
 */
public final class EventKinds {

    private static final List<Map.Entry<Class<? extends EventPayload>, String>> WIRE_NAMES = List.of(
            entry(EventPayload.IncidentStarted.class, "IncidentStarted"),
            entry(EventPayload.PhaseStarted.class, "PhaseStarted"),
            entry(EventPayload.PhaseCompleted.class, "PhaseCompleted"),
            entry(EventPayload.PhaseStatusChanged.class, "PhaseStatusChanged"),
            entry(EventPayload.GateOverridden.class, "GateOverridden"),
            entry(EventPayload.TaskTicked.class, "TaskTicked"),
            entry(EventPayload.TaskUnticked.class, "TaskUnticked"),
            entry(EventPayload.TestResultSet.class, "TestResultSet"),
            entry(EventPayload.TestStepTicked.class, "TestStepTicked"),
            entry(EventPayload.GuidedStepDone.class, "GuidedStepDone"),
            entry(EventPayload.WaitStarted.class, "WaitStarted"),
            entry(EventPayload.WaitCutShort.class, "WaitCutShort"),
            entry(EventPayload.AuditChecked.class, "AuditChecked"),
            entry(EventPayload.ParameterEntered.class, "ParameterEntered"),
            entry(EventPayload.CommandGenerated.class, "CommandGenerated"),
            entry(EventPayload.CommandCopied.class, "CommandCopied"),
            entry(EventPayload.ScriptRun.class, "ScriptRun"),
            entry(EventPayload.DecisionTaken.class, "DecisionTaken"),
            entry(EventPayload.CriterionTicked.class, "CriterionTicked"),
            entry(EventPayload.RollbackStarted.class, "RollbackStarted"),
            entry(EventPayload.RollbackFinished.class, "RollbackFinished"),
            entry(EventPayload.AlertFired.class, "AlertFired"),
            entry(EventPayload.AlertAcknowledged.class, "AlertAcknowledged"),
            entry(EventPayload.NoteAdded.class, "NoteAdded"),
            entry(EventPayload.SignOffGiven.class, "SignOffGiven"),
            entry(EventPayload.UpdatePublished.class, "UpdatePublished"),
            entry(EventPayload.Undo.class, "Undo"),
            entry(EventPayload.JournalContinued.class, "JournalContinued"),
            // added in 0.2
            entry(EventPayload.AlertCleared.class, "AlertCleared"),
            entry(EventPayload.StepStarted.class, "StepStarted"),
            entry(EventPayload.StepFinished.class, "StepFinished"),
            entry(EventPayload.StepSkipped.class, "StepSkipped"),
            entry(EventPayload.StepOutcomeDecided.class, "StepOutcomeDecided"),
            entry(EventPayload.StepRunAborted.class, "StepRunAborted"),
            entry(EventPayload.HandoffShared.class, "HandoffShared"),
            entry(EventPayload.IncidentTakenOver.class, "IncidentTakenOver"),
            // added in 0.3
            entry(DrillEvents.DrillScenarioAttached.class, "DrillScenarioAttached"),
            entry(DrillEvents.ScenarioEventPlayed.class, "ScenarioEventPlayed"),
            entry(DrillEvents.DrillClockAdvanced.class, "DrillClockAdvanced"),
            entry(DrillEvents.DrillRunModeChosen.class, "DrillRunModeChosen"));

    private static final Map<Class<? extends EventPayload>, String> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends EventPayload>> BY_NAME = new LinkedHashMap<>();

    static {
        for (Map.Entry<Class<? extends EventPayload>, String> entry : WIRE_NAMES) {
            if (BY_CLASS.put(entry.getKey(), entry.getValue()) != null || BY_NAME.put(entry.getValue(), entry.getKey()) != null) {
                throw new ExceptionInInitializerError("event kind registered twice: " + entry);
            }
        }
    }

    private EventKinds() {
    }

    /**
     * The wire name of a payload record.
     *
     * @throws IllegalStateException for a record that has none (a new kind must be registered before it is written)
     */
    public static String wireName(Class<? extends EventPayload> type) {
        String name = BY_CLASS.get(type);
        if (name == null) {
            throw new IllegalStateException(type.getName() + " has no wire name: register it in EventKinds");
        }
        return name;
    }

    /** The record that reads a kind, if this version knows it. */
    public static Optional<Class<? extends EventPayload>> type(String wireName) {
        return Optional.ofNullable(BY_NAME.get(wireName));
    }

    /** Every wire name, wire name to record, in registration order. */
    public static Map<String, Class<? extends EventPayload>> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }
}
