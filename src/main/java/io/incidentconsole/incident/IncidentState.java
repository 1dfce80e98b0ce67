package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.AlertAcknowledged;
import io.incidentconsole.incident.EventPayload.AlertCleared;
import io.incidentconsole.incident.EventPayload.AlertFired;
import io.incidentconsole.incident.EventPayload.AuditChecked;
import io.incidentconsole.incident.EventPayload.CommandCopied;
import io.incidentconsole.incident.EventPayload.CommandGenerated;
import io.incidentconsole.incident.EventPayload.CriterionTicked;
import io.incidentconsole.incident.EventPayload.DecisionTaken;
import io.incidentconsole.incident.EventPayload.GateOverridden;
import io.incidentconsole.incident.EventPayload.GuidedStepDone;
import io.incidentconsole.incident.EventPayload.IncidentStarted;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.EventPayload.ParameterEntered;
import io.incidentconsole.incident.EventPayload.PhaseCompleted;
import io.incidentconsole.incident.EventPayload.PhaseStarted;
import io.incidentconsole.incident.EventPayload.PhaseStatusChanged;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.ScriptRun;
import io.incidentconsole.incident.EventPayload.SignOffGiven;
import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.incident.EventPayload.TaskUnticked;
import io.incidentconsole.incident.EventPayload.TestResultSet;
import io.incidentconsole.incident.EventPayload.TestStepTicked;
import io.incidentconsole.incident.EventPayload.Undo;
import io.incidentconsole.incident.EventPayload.UpdatePublished;
import io.incidentconsole.incident.EventPayload.WaitCutShort;
import io.incidentconsole.incident.EventPayload.WaitStarted;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestSuite;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The incident as its journal says it is: a fold of the events over the plan. Immutable; {@link #apply(Event)}
 * returns a new state. An event cancelled by an {@link Undo} (that is not itself undone) has no effect; the
 * events themselves are all kept.
 */
public final class IncidentState {

    private final Plan plan;
    private final AppendLog<Event> events;
    private final Set<String> undone;
    private final Map<String, PhaseState> phases;
    private final Map<TestKey, TestRecord> tests;
    private final Map<StepKey, Set<Integer>> testSteps;
    private final Map<String, ParameterValue> parameters;
    private final AppendLog<DecisionRecord> decisions;
    private final Map<String, Set<String>> criteria;
    private final List<RollbackRecord> rollbacks;
    private final Map<String, AlertState> alerts;
    private final AppendLog<Entry> notes;
    private final AppendLog<SignOffRecord> signOffs;
    private final AppendLog<CommandRecord> commands;
    private final AppendLog<UpdateRecord> updates;
    private final Started started;
    private final Map<String, Completion> completions;
    private final Map<String, String> ignored;
    private final Map<String, String> observations;

    private IncidentState(Fold fold) {
        plan = fold.plan;
        events = fold.events.snapshot();
        undone = Set.copyOf(fold.undone);
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(fold.phases));
        Map<TestKey, TestRecord> results = new LinkedHashMap<>();
        fold.tests.forEach((k, v) -> results.put(k, new TestRecord(k, v)));
        tests = Collections.unmodifiableMap(results);
        Map<StepKey, Set<Integer>> steps = new LinkedHashMap<>();
        fold.testSteps.forEach((k, v) -> steps.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        testSteps = Collections.unmodifiableMap(steps);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(fold.parameters));
        decisions = fold.decisions.snapshot();
        Map<String, Set<String>> ticked = new LinkedHashMap<>();
        fold.criteria.forEach((k, v) -> ticked.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        criteria = Collections.unmodifiableMap(ticked);
        rollbacks = List.copyOf(fold.rollbacks);
        alerts = Collections.unmodifiableMap(new LinkedHashMap<>(fold.alerts));
        notes = fold.notes.snapshot();
        signOffs = fold.signOffs.snapshot();
        commands = fold.commands.snapshot();
        updates = fold.updates.snapshot();
        started = fold.started;
        completions = Collections.unmodifiableMap(new LinkedHashMap<>(fold.completions));
        ignored = Collections.unmodifiableMap(new LinkedHashMap<>(fold.ignored));
        observations = Collections.unmodifiableMap(new LinkedHashMap<>(fold.observations));
    }

    /** The state before any event: every phase at the status the plan gives it. */
    public static IncidentState initial(Plan plan) {
        return new IncidentState(new Fold(plan));
    }

    /** Folds the events, in order, over the plan. */
    public static IncidentState replay(Plan plan, List<Event> events) {
        Fold fold = new Fold(plan);
        fold.events.addAll(events);
        fold.undone.addAll(undoneIds(events));
        for (Event event : events) {
            fold.apply(event);
        }
        return new IncidentState(fold);
    }

    /** The state after one more event. Pure: this state is unchanged. */
    public IncidentState apply(Event event) {
        if (event.payload() instanceof Undo) {
            List<Event> all = new ArrayList<>(events.size() + 1);
            all.addAll(events);
            all.add(event);
            return replay(plan, all);
        }
        Fold fold = new Fold(this);
        fold.events.add(event);
        fold.apply(event);
        return new IncidentState(fold);
    }

    /**
     * Ids of events whose effect is cancelled. Walked from the end so that an undo of an undo is seen before the
     * undo it cancels. An undo only reaches back: one naming a later or unknown event does nothing.
     */
    static Set<String> undoneIds(List<Event> events) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            position.putIfAbsent(events.get(i).id(), i);
        }
        Set<String> undone = new HashSet<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            Event event = events.get(i);
            if (event.payload() instanceof Undo undo && !undone.contains(event.id())) {
                Integer target = position.get(undo.eventId());
                if (target != null && target < i && undoable(events.get(target))) {
                    undone.add(undo.eventId());
                }
            }
        }
        return undone;
    }

    private static boolean undoable(Event event) {
        return !(event.payload() instanceof IncidentStarted
                || event.payload() instanceof EventPayload.JournalContinued
                || event.payload() instanceof EventPayload.Unrecognized);
    }

    /** Whether an undo of the event would change anything: it exists, can be undone and is not undone already. */
    public boolean canUndo(String eventId) {
        return !undone.contains(eventId) && events.stream().anyMatch(e -> e.id().equals(eventId) && undoable(e));
    }

    public Plan plan() {
        return plan;
    }

    public List<Event> events() {
        return events;
    }

    public boolean isUndone(String eventId) {
        return undone.contains(eventId);
    }

    /**
     * Why an event changed nothing although it was recorded and not undone, e.g. "ignored: already completed by
     * ana at 10:02 UTC" for a second completion of a phase (two consoles raced, or one was offline).
     */
    public Optional<String> ignoredBecause(String eventId) {
        return Optional.ofNullable(ignored.get(eventId));
    }

    /** Who completed a phase and when, while it is complete (the first completion stands). */
    public Optional<Completion> completion(String phaseId) {
        return Optional.ofNullable(completions.get(phaseId));
    }

    /** Whether the phase is complete now, by an event or as the plan declares it. */
    public boolean isComplete(String phaseId) {
        PhaseState phase = phases.get(phaseId);
        return phase != null && phase.status() == PhaseStatus.COMPLETE;
    }

    /** Why a phase cannot be completed again, for the operator; empty when it is not complete. */
    public Optional<String> alreadyCompleteReason(String phaseId) {
        if (!isComplete(phaseId)) {
            return Optional.empty();
        }
        String label = plan.phase(phaseId).map(Phase::label).orElse(phaseId);
        return Optional.of("Phase " + label + " is already complete"
                + completion(phaseId).map(c -> " (completed by " + c.operator() + " at " + CLOCK_TIME.format(c.at())
                + ")").orElse(" (the plan declares it done)") + "; a phase cannot be completed twice.");
    }

    public Optional<Event> lastEvent() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    public Optional<Started> started() {
        return Optional.ofNullable(started);
    }

    /** Every phase of the plan in plan order (then any phase events name that the plan does not have). */
    public Map<String, PhaseState> phases() {
        return phases;
    }

    public PhaseState phase(String phaseId) {
        PhaseState state = phases.get(phaseId);
        if (state == null) {
            throw new IllegalArgumentException("no phase '" + phaseId + "' in this incident");
        }
        return state;
    }

    /** Every test result recorded, keyed by phase (null: all phases of the suite), suite and test. */
    public Map<TestKey, TestRecord> tests() {
        return tests;
    }

    /**
     * The results that count for a phase: those recorded for it, and those recorded without a phase for a suite
     * that covers it. A result for the phase itself wins over a phase-less one for the same test.
     */
    public List<TestRecord> testsOf(String phaseId) {
        PhaseState phase = phases.get(phaseId);
        long after = phase == null ? 0 : phase.retestAfterSeq();
        if (after > 0) {
            // Rolled back: only results recorded since count; the rest stays in tests() and the timeline.
            return testsOf(phaseId, tests.values().stream()
                    .filter(r -> r.latest().seq() > after && r.latest().seq() != PLAN_DECLARED_PASS.seq()).toList());
        }
        return testsOf(phaseId, tests.values());
    }

    private List<TestRecord> testsOf(String phaseId, java.util.Collection<TestRecord> records) {
        Map<String, TestRecord> byTest = new LinkedHashMap<>();
        Set<String> suites = new HashSet<>();
        plan.testSuitesOf(phaseId).forEach(s -> suites.add(s.id()));
        for (TestRecord record : records) {
            if (record.key().phaseId() == null && suites.contains(record.key().suiteId())) {
                byTest.putIfAbsent(record.key().suiteId() + "/" + record.key().testId(), record);
            }
        }
        for (TestRecord record : records) {
            if (phaseId.equals(record.key().phaseId())) {
                byTest.put(record.key().suiteId() + "/" + record.key().testId(), record);
            }
        }
        return List.copyOf(byTest.values());
    }

    public Optional<TestOutcome> latestOutcome(String phaseId, String suiteId, String testId) {
        return testsOf(phaseId).stream()
                .filter(r -> r.key().suiteId().equals(suiteId) && r.key().testId().equals(testId))
                .findFirst()
                .map(r -> r.latest().outcome());
    }

    /** The ticked steps (1-based) of a test case. */
    public Set<Integer> tickedSteps(String suiteId, String caseId) {
        return testSteps.getOrDefault(new StepKey(suiteId, caseId), Set.of());
    }

    Map<StepKey, Set<Integer>> testSteps() {
        return testSteps;
    }

    public Map<String, ParameterValue> parameters() {
        return parameters;
    }

    public List<DecisionRecord> decisions() {
        return decisions;
    }

    public Optional<DecisionRecord> decision(String treeId) {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            if (decisions.get(i).treeId().equals(treeId)) {
                return Optional.of(decisions.get(i));
            }
        }
        return Optional.empty();
    }

    /** The observed value a confirmed criterion rests on ("convex_calls = 2.7M at 10:42 UTC"), if one was recorded. */
    public Optional<String> observed(String ownerId, String criterionId) {
        return Optional.ofNullable(observations.get(ownerId + "/" + criterionId));
    }

    /** The ticked criteria of a runbook (decision criteria) or of a phase (success criteria). */
    public Set<String> tickedCriteria(String ownerId) {
        return criteria.getOrDefault(ownerId, Set.of());
    }

    public List<RollbackRecord> rollbacks() {
        return rollbacks;
    }

    /**
     * Every alert fired, by alert id, as it stands since it last fired: acknowledged or not, cleared or still firing.
     */
    public Map<String, AlertState> alerts() {
        return alerts;
    }

    /** The alerts open by {@link AlertState#open()}, in the order they first fired. */
    public List<AlertState> openAlerts() {
        return alerts.values().stream().filter(AlertState::open).toList();
    }

    public List<Entry> notes() {
        return notes;
    }

    public List<SignOffRecord> signOffs() {
        return signOffs;
    }

    /** Commands generated, copied and run, in order. */
    public List<CommandRecord> commands() {
        return commands;
    }

    public List<UpdateRecord> updates() {
        return updates;
    }

    @Override
    public boolean equals(Object other) {
        // The size first: JavaFX compares every new state with the previous one (a change listener's check), and
        // walking 100,000 events to find they differ in the last one cost milliseconds per tick.
        return other instanceof IncidentState that && events.size() == that.events.size()
                && plan.equals(that.plan) && events.equals(that.events) && undone.equals(that.undone)
                && phases.equals(that.phases) && tests.equals(that.tests) && testSteps.equals(that.testSteps)
                && parameters.equals(that.parameters) && decisions.equals(that.decisions)
                && criteria.equals(that.criteria) && rollbacks.equals(that.rollbacks) && alerts.equals(that.alerts)
                && notes.equals(that.notes) && signOffs.equals(that.signOffs) && commands.equals(that.commands)
                && updates.equals(that.updates) && Objects.equals(started, that.started)
                && completions.equals(that.completions) && ignored.equals(that.ignored)
                && observations.equals(that.observations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events, phases, tests, parameters, alerts);
    }

    @Override
    public String toString() {
        return "IncidentState[" + events.size() + " events, phases=" + phases + ", tests=" + tests
                + ", parameters=" + parameters + ", alerts=" + alerts + ", undone=" + undone + "]";
    }

    private static final java.time.format.DateTimeFormatter CLOCK_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** The completion of a phase that counts: the first one recorded while the phase was not complete. */
    public record Completion(String phaseId, String operator, Instant at, String eventId) {
    }

    /** Who records the results a plan declares ({@code done: true} checks). */
    public static final String PLAN_OPERATOR = "plan";

    /**
     * The pass a {@code done: true} check starts with: no event made it, so it has no time of its own until the
     * incident's start gives it one.
     */
    static final TestResult PLAN_DECLARED_PASS =
            new TestResult(TestOutcome.PASS, "done when the plan was written", PLAN_OPERATOR, Instant.EPOCH, 0);

    /** Who started the incident, when, and from which plan. */
    public record Started(String incidentId, String planTitle, String planSha256, String operator, Instant at) {
    }

    /** Where a test result applies. {@code phaseId} null: every phase the suite covers. */
    public record TestKey(String phaseId, String suiteId, String testId) {
    }

    record StepKey(String suiteId, String caseId) {
    }

    /** The results of one test, oldest first; the latest counts. */
    public record TestRecord(TestKey key, List<TestResult> history) {
        public TestRecord {
            history = List.copyOf(history);
        }

        public TestResult latest() {
            return history.get(history.size() - 1);
        }

        /** When operators' latest results differ (e.g. ana PASS, then bob FAIL): who said what. */
        public Optional<Disagreement> disagreement() {
            return Disagreement.among(history);
        }
    }

    /**
     * Operators disagree about a test: the latest result counts, and each other operator whose own latest result
     * says something else is listed (oldest first). Every result stays in the history either way.
     */
    public record Disagreement(TestResult latest, List<TestResult> dissent) {
        public Disagreement {
            dissent = List.copyOf(dissent);
        }

        /**
         * {@code results} oldest first, as recorded; empty when all operators' latest results agree. A pass the plan
         * declared ({@code done: true}) is nobody's opinion, so it never disputes an operator's result.
         */
        public static Optional<Disagreement> among(List<TestResult> results) {
            if (results.isEmpty()) {
                return Optional.empty();
            }
            TestResult latest = results.get(results.size() - 1);
            Map<String, TestResult> latestByOperator = new LinkedHashMap<>();
            for (TestResult result : results) {
                if (PLAN_OPERATOR.equals(result.operator())) {
                    continue;
                }
                latestByOperator.remove(result.operator());
                latestByOperator.put(result.operator(), result);
            }
            List<TestResult> dissent = latestByOperator.values().stream()
                    .filter(r -> r.outcome() != latest.outcome())
                    .toList();
            return dissent.isEmpty() ? Optional.empty() : Optional.of(new Disagreement(latest, dissent));
        }
    }

    public record TestResult(TestOutcome outcome, String note, String operator, Instant at, long seq) {
    }

    public record ParameterValue(String name, String value, String sourceStep, String operator, Instant at) {
    }

    public record DecisionRecord(String treeId, List<EventPayload.Answer> answers, String outcomeId, String operator,
                                 Instant at) {
        public DecisionRecord {
            answers = List.copyOf(answers);
        }
    }

    /** {@code finishedAt} null while the rollback runs. */
    public record RollbackRecord(String runbookId, String procedureId, String reason, String startedBy,
                                 Instant startedAt, Instant finishedAt, Boolean succeeded, String finishNote) {
        public boolean running() {
            return finishedAt == null;
        }
    }

    /** The latest firing of an alert, and its acknowledgement if it has one since. */
    public record AlertState(String alertId, String metricId, Double value, String message, Instant firedAt,
                             int timesFired, boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt,
                             String acknowledgeNote, Instant clearedAt, Double clearedValue) {

        /** Still firing: no clearing was recorded since it last fired. */
        public boolean firing() {
            return clearedAt == null;
        }

        /**
         * The one rule of what is open, for every view and command: an alert nobody acknowledged since it last fired,
         * whether it is still firing or cleared meanwhile (cleared unseen is news too). Acknowledging closes it.
         */
        public boolean open() {
            return !acknowledged;
        }

        AlertState acknowledged(String by, Instant at, String note) {
            return new AlertState(alertId, metricId, value, message, firedAt, timesFired, true, by, at, note,
                    clearedAt, clearedValue);
        }

        AlertState cleared(Instant at, Double value) {
            return new AlertState(alertId, metricId, this.value, message, firedAt, timesFired, acknowledged,
                    acknowledgedBy, acknowledgedAt, acknowledgeNote, at, value);
        }
    }

    /** A note: free text an operator added, optionally about a phase. */
    public record Entry(String phaseId, String text, String operator, Instant at) {
    }

    public record SignOffRecord(String approvalId, String role, String note, String operator, Instant at) {
    }

    public enum CommandAction { GENERATED, COPIED, RUN }

    /** {@code exitCode} and {@code outputTail} only for RUN; {@code script} only for GENERATED. */
    public record CommandRecord(CommandAction action, String source, String scriptSha256, String script,
                                Integer exitCode, String outputTail, String operator, Instant at) {
    }

    public record UpdateRecord(String cadenceId, String audience, String text, String operator, Instant at) {
    }

    /** How one event kind changes the fold. */
    private interface Handler {
        void apply(Fold fold, Event event);
    }

    private static final Map<Class<? extends EventPayload>, Handler> HANDLERS = handlers();

    /**
     * Kinds that change no state by themselves: an undo is accounted for before the fold (see {@link #undoneIds}),
     * a continuation only marks where a journal went on, an unrecognized kind is kept as written. Every other kind
     * has a handler; {@code FoldCoverageTest} fails when a new kind has neither.
     */
    static final Set<Class<? extends EventPayload>> INFORMATIONAL = Set.of(Undo.class,
            EventPayload.JournalContinued.class, EventPayload.Unrecognized.class,
            // A step-by-step run is folded by rollback.StepProgress and who holds the incident by IncidentHolder;
            // a handoff is a record of what was shared: none of them changes what this state holds.
            EventPayload.StepStarted.class, EventPayload.StepFinished.class, EventPayload.StepSkipped.class,
            EventPayload.StepOutcomeDecided.class, EventPayload.StepRunAborted.class,
            EventPayload.HandoffShared.class, EventPayload.IncidentTakenOver.class,
            // A drill's scenario, clock and run mode are folded by drill.DrillState; what a scenario event did
            // (an alert, a failed test) is recorded as that event of its own kind.
            EventPayload.DrillScenarioAttached.class, EventPayload.ScenarioEventPlayed.class,
            EventPayload.DrillClockAdvanced.class, EventPayload.DrillRunModeChosen.class);

    /** The kinds the fold handles. */
    static Set<Class<? extends EventPayload>> handledKinds() {
        return HANDLERS.keySet();
    }

    private static <P extends EventPayload> void on(Map<Class<? extends EventPayload>, Handler> map, Class<P> kind,
                                                    java.util.function.BiConsumer<Fold, Event> body) {
        map.put(kind, body::accept);
    }

    private static Map<Class<? extends EventPayload>, Handler> handlers() {
        Map<Class<? extends EventPayload>, Handler> map = new HashMap<>();
        on(map, IncidentStarted.class, (f, e) -> f.started(e, (IncidentStarted) e.payload()));
        on(map, PhaseStarted.class, (f, e) -> f.phaseStarted(e, (PhaseStarted) e.payload()));
        on(map, PhaseCompleted.class, (f, e) -> f.complete(e, (PhaseCompleted) e.payload()));
        on(map, PhaseStatusChanged.class, (f, e) -> f.statusChanged(e, (PhaseStatusChanged) e.payload()));
        on(map, GateOverridden.class, (f, e) -> {
            GateOverridden p = (GateOverridden) e.payload();
            f.phases.put(p.phaseId(), f.phase(p.phaseId())
                    .withOverride(new PhaseState.GateOverride(p.gate(), p.reason(), e.operator(), e.at())));
        });
        on(map, TaskTicked.class, (f, e) -> f.taskTicked((TaskTicked) e.payload()));
        on(map, TaskUnticked.class, (f, e) -> f.taskUnticked((TaskUnticked) e.payload()));
        on(map, GuidedStepDone.class, (f, e) -> f.stepDone((GuidedStepDone) e.payload()));
        on(map, WaitStarted.class, (f, e) -> {
            WaitStarted p = (WaitStarted) e.payload();
            f.phases.put(p.phaseId(), f.phase(p.phaseId())
                    .withWait(new PhaseState.Wait(p.stepId(), e.at(), p.duration(), null, null)));
        });
        on(map, WaitCutShort.class, (f, e) -> f.waitCutShort(e, (WaitCutShort) e.payload()));
        on(map, AuditChecked.class, (f, e) -> {
            AuditChecked p = (AuditChecked) e.payload();
            f.phases.put(p.phaseId(), f.phase(p.phaseId()).withAudit(
                    new PhaseState.AuditRecord(p.outputSha256(), p.passed(), p.fields(), e.operator(), e.at())));
        });
        on(map, TestResultSet.class, (f, e) -> f.testResult(e, (TestResultSet) e.payload()));
        on(map, TestStepTicked.class, (f, e) -> f.testStep((TestStepTicked) e.payload()));
        on(map, ParameterEntered.class, (f, e) -> {
            ParameterEntered p = (ParameterEntered) e.payload();
            f.parameters.put(p.name(), new ParameterValue(p.name(), p.value(), p.sourceStep(), e.operator(), e.at()));
        });
        on(map, CommandGenerated.class, (f, e) -> {
            CommandGenerated p = (CommandGenerated) e.payload();
            f.commands.add(new CommandRecord(CommandAction.GENERATED, p.source(), p.scriptSha256(), p.script(),
                    null, null, e.operator(), e.at()));
        });
        on(map, CommandCopied.class, (f, e) -> {
            CommandCopied p = (CommandCopied) e.payload();
            f.commands.add(new CommandRecord(CommandAction.COPIED, p.source(), p.scriptSha256(), null, null, null,
                    e.operator(), e.at()));
        });
        on(map, ScriptRun.class, (f, e) -> {
            ScriptRun p = (ScriptRun) e.payload();
            f.commands.add(new CommandRecord(CommandAction.RUN, p.source(), p.scriptSha256(), null, p.exitCode(),
                    p.outputTail(), e.operator(), e.at()));
        });
        on(map, DecisionTaken.class, (f, e) -> {
            DecisionTaken p = (DecisionTaken) e.payload();
            f.decisions.add(new DecisionRecord(p.treeId(), p.answers(), p.outcomeId(), e.operator(), e.at()));
        });
        on(map, CriterionTicked.class, (f, e) -> f.criterion((CriterionTicked) e.payload()));
        on(map, RollbackStarted.class, (f, e) -> f.rollbackStarted(e, (RollbackStarted) e.payload()));
        on(map, RollbackFinished.class, (f, e) -> f.rollbackFinished(e, (RollbackFinished) e.payload()));
        on(map, AlertFired.class, (f, e) -> f.alertFired(e, (AlertFired) e.payload()));
        on(map, AlertAcknowledged.class, (f, e) -> f.alertAcknowledged(e, (AlertAcknowledged) e.payload()));
        on(map, AlertCleared.class, (f, e) -> f.alertCleared(e, (AlertCleared) e.payload()));
        on(map, NoteAdded.class, (f, e) -> {
            NoteAdded p = (NoteAdded) e.payload();
            f.notes.add(new Entry(p.phaseId(), p.text(), e.operator(), e.at()));
        });
        on(map, SignOffGiven.class, (f, e) -> {
            SignOffGiven p = (SignOffGiven) e.payload();
            f.signOffs.add(new SignOffRecord(p.approvalId(), p.role(), p.note(), e.operator(), e.at()));
        });
        on(map, UpdatePublished.class, (f, e) -> {
            UpdatePublished p = (UpdatePublished) e.payload();
            f.updates.add(new UpdateRecord(p.cadenceId(), p.audience(), p.text(), e.operator(), e.at()));
        });
        return Map.copyOf(map);
    }

    /** The mutable working set of one fold step or replay; never escapes. */
    private static final class Fold {
        final Plan plan;
        AppendLog.Builder<Event> events = AppendLog.<Event>empty().builder();
        final Set<String> undone = new HashSet<>();
        final Map<String, PhaseState> phases = new LinkedHashMap<>();
        /** Histories stay mutable while folding: copying one per result would make a replay quadratic. */
        final Map<TestKey, List<TestResult>> tests = new LinkedHashMap<>();
        final Map<StepKey, Set<Integer>> testSteps = new LinkedHashMap<>();
        final Map<String, ParameterValue> parameters = new LinkedHashMap<>();
        AppendLog.Builder<DecisionRecord> decisions = AppendLog.<DecisionRecord>empty().builder();
        final Map<String, Set<String>> criteria = new LinkedHashMap<>();
        final List<RollbackRecord> rollbacks = new ArrayList<>();
        final Map<String, AlertState> alerts = new LinkedHashMap<>();
        AppendLog.Builder<Entry> notes = AppendLog.<Entry>empty().builder();
        AppendLog.Builder<SignOffRecord> signOffs = AppendLog.<SignOffRecord>empty().builder();
        AppendLog.Builder<CommandRecord> commands = AppendLog.<CommandRecord>empty().builder();
        AppendLog.Builder<UpdateRecord> updates = AppendLog.<UpdateRecord>empty().builder();
        final Map<String, Completion> completions = new LinkedHashMap<>();
        final Map<String, String> ignored = new LinkedHashMap<>();
        /** The observed value a criterion's confirmation rests on, by "owner/criterion". */
        final Map<String, String> observations = new LinkedHashMap<>();
        Started started;

        Fold(Plan plan) {
            this.plan = plan;
            for (Phase phase : plan.phases()) {
                phases.put(phase.id(), PhaseState.initial(phase.id(), phase.status(), phase.statusNote()));
            }
            startPlanDeclaredDone();
        }

        /**
         * Tasks, success criteria and checks the plan marks {@code done} (done when it was written) start ticked,
         * confirmed and passed; later events (an untick, another result) change them like any other.
         */
        private void startPlanDeclaredDone() {
            for (Phase phase : plan.phases()) {
                for (Task task : phase.tasks()) {
                    if (task.done() && task.id() != null) {
                        phases.put(phase.id(), phases.get(phase.id()).withTask(task.id(), true));
                    }
                }
                for (io.incidentconsole.plan.Criterion criterion : phase.successCriteria()) {
                    if (criterion.done() && criterion.id() != null) {
                        criteria.computeIfAbsent(phase.id(), k -> new java.util.TreeSet<>()).add(criterion.id());
                    }
                }
            }
            for (TestSuite suite : plan.testSuites()) {
                for (CheckItem check : suite.checks()) {
                    if (check.done() && check.id() != null) {
                        tests.computeIfAbsent(new TestKey(null, suite.id(), check.id()), k -> new ArrayList<>())
                                .add(PLAN_DECLARED_PASS);
                    }
                }
            }
        }

        /**
         * A pass the plan declared has no event of its own; it counts from the start of the incident, so views and
         * exports show that time rather than the epoch.
         */
        private void datePlanDeclaredPasses(Instant at) {
            for (List<TestResult> history : tests.values()) {
                history.replaceAll(r -> r == PLAN_DECLARED_PASS ? new TestResult(r.outcome(), r.note(), r.operator(),
                        at, r.seq()) : r);
            }
        }

        Fold(IncidentState state) {
            plan = state.plan;
            events = state.events.builder();
            undone.addAll(state.undone);
            phases.putAll(state.phases);
            state.tests.forEach((k, v) -> tests.put(k, new ArrayList<>(v.history())));
            state.testSteps.forEach((k, v) -> testSteps.put(k, new TreeSet<>(v)));
            parameters.putAll(state.parameters);
            decisions = state.decisions.builder();
            state.criteria.forEach((k, v) -> criteria.put(k, new TreeSet<>(v)));
            rollbacks.addAll(state.rollbacks);
            alerts.putAll(state.alerts);
            notes = state.notes.builder();
            signOffs = state.signOffs.builder();
            commands = state.commands.builder();
            updates = state.updates.builder();
            started = state.started;
            completions.putAll(state.completions);
            ignored.putAll(state.ignored);
            observations.putAll(state.observations);
        }

        private PhaseState phase(String id) {
            return phases.computeIfAbsent(id, key -> PhaseState.initial(key, PhaseStatus.PENDING, null));
        }

        void apply(Event event) {
            if (undone.contains(event.id())) {
                return;
            }
            Handler handler = HANDLERS.get(event.payload().getClass());
            if (handler != null) {
                handler.apply(this, event);
            }
            // Informational kinds (see INFORMATIONAL) change no state.
        }

        private void started(Event event, IncidentStarted p) {
            started = new Started(p.incidentId(), p.planTitle(), p.planSha256(), event.operator(), event.at());
            datePlanDeclaredPasses(event.at());
        }

        private void phaseStarted(Event event, PhaseStarted p) {
            PhaseState phase = phase(p.phaseId());
            if (phase.status() == PhaseStatus.IN_PROGRESS) {
                return; // started again: it keeps when it first started
            }
            // A complete phase is reopened by a status change only (0.1's team consoles), never by a start.
            if (phase.status() == PhaseStatus.COMPLETE
                    || !PhaseLifecycle.allowed(phase.status(), PhaseStatus.IN_PROGRESS)) {
                ignored.put(event.id(), "ignored: a phase that is " + phase.status().label() + " cannot start");
                return;
            }
            phases.put(p.phaseId(), phase.started(event.at()));
        }

        private void statusChanged(Event event, PhaseStatusChanged p) {
            PhaseState phase = phase(p.phaseId());
            PhaseStatus to = p.status();
            boolean byItsOwnEvent = to == PhaseStatus.ROLLING_BACK || to == PhaseStatus.ROLLED_BACK;
            if (byItsOwnEvent || (to != phase.status() && !PhaseLifecycle.allowed(phase.status(), to))) {
                ignored.put(event.id(), "ignored: a phase that is " + phase.status().label() + " cannot be set "
                        + to.label());
                return;
            }
            if (to == PhaseStatus.COMPLETE) {
                if (phase.status() != PhaseStatus.COMPLETE) {
                    phases.put(p.phaseId(), phase.completed(phase.confirmedOpenItems(), event.at(),
                            verifiedNow(p.phaseId())).withStatusReason(p.reason()));
                    completions.put(p.phaseId(), new Completion(p.phaseId(), event.operator(), event.at(), event.id()));
                }
                return;
            }
            phases.put(p.phaseId(), phase.withStatus(to, p.reason(), event.at()));
            completions.remove(p.phaseId());
        }

        private void taskTicked(TaskTicked p) {
            PhaseState phase = phase(p.phaseId()).withTask(p.taskId(), true);
            phases.put(p.phaseId(), p.stepId() == null ? phase : phase.withStepDone(p.stepId()));
        }

        private void taskUnticked(TaskUnticked p) {
            PhaseState phase = phase(p.phaseId()).withTask(p.taskId(), false);
            phases.put(p.phaseId(), p.stepId() == null ? phase : phase.withStepUndone(p.stepId()));
        }

        private void stepDone(GuidedStepDone p) {
            PhaseState phase = phase(p.phaseId()).withStepDone(p.stepId());
            for (String task : p.taskIds()) {
                phase = phase.withTask(task, true);
            }
            phases.put(p.phaseId(), phase);
        }

        private void waitCutShort(Event event, WaitCutShort p) {
            Instant at = event.at();
            PhaseState phase = phase(p.phaseId());
            PhaseState.Wait wait = phase.waits().get(p.stepId());
            PhaseState.Wait cut = wait == null
                    ? new PhaseState.Wait(p.stepId(), at, Duration.ZERO, at, p.reason())
                    : new PhaseState.Wait(p.stepId(), wait.startedAt(), wait.duration(), at, p.reason());
            phases.put(p.phaseId(), phase.withWait(cut));
        }

        private void testResult(Event event, TestResultSet p) {
            TestKey key = new TestKey(p.phaseId(), p.suiteId(), p.testId());
            tests.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new TestResult(p.outcome(), p.note(), event.operator(), event.at(), event.seq()));
        }

        private void testStep(TestStepTicked p) {
            Set<Integer> steps = testSteps.computeIfAbsent(new StepKey(p.suiteId(), p.caseId()), k -> new TreeSet<>());
            if (p.ticked()) {
                steps.add(p.step());
            } else {
                steps.remove(p.step());
            }
        }

        private void criterion(CriterionTicked p) {
            Set<String> ticked = criteria.computeIfAbsent(p.ownerId(), k -> new TreeSet<>());
            if (p.ticked()) {
                ticked.add(p.criterionId());
                if (p.observed() != null) {
                    observations.put(p.ownerId() + "/" + p.criterionId(), p.observed());
                }
            } else {
                ticked.remove(p.criterionId());
                observations.remove(p.ownerId() + "/" + p.criterionId());
            }
        }

        private void rollbackStarted(Event event, RollbackStarted p) {
            rollbacks.add(new RollbackRecord(p.runbookId(), p.procedureId(), p.reason(), event.operator(), event.at(),
                    null, null, null));
            if (p.phaseId() == null) {
                return; // written before rollbacks named their phase: no phase changes
            }
            PhaseState phase = phase(p.phaseId());
            if (phase.status() == PhaseStatus.ROLLING_BACK) {
                return;
            }
            if (!PhaseLifecycle.allowed(phase.status(), PhaseStatus.ROLLING_BACK)) {
                ignored.put(event.id(), "ignored for the phase: a phase that is " + phase.status().label()
                        + " cannot be rolled back");
                return;
            }
            phases.put(p.phaseId(), phase.withStatus(PhaseStatus.ROLLING_BACK, p.reason(), event.at()));
            completions.remove(p.phaseId());
            dependentsWait(p.phaseId(), event.at());
        }

        private void rollbackFinished(Event event, RollbackFinished p) {
            finishRollback(p, event.at());
            if (p.phaseId() == null || !p.succeeded()) {
                return; // a failed rollback leaves the phase ROLLING BACK: it still needs the operator
            }
            PhaseState phase = phase(p.phaseId());
            if (phase.status() != PhaseStatus.ROLLING_BACK) {
                ignored.put(event.id(), "ignored for the phase: it was " + phase.status().label()
                        + ", not ROLLING BACK");
                return;
            }
            phases.put(p.phaseId(), phase.rolledBack(p.note(), event.at(), event.seq()));
        }

        /**
         * The phases that depend (directly or not) on a phase being rolled back and had started (in progress, or set
         * BLOCKED or EVAL since) wait again; complete ones and ones that never started (an EVAL the plan declares)
         * keep their status.
         */
        private void dependentsWait(String phaseId, Instant at) {
            Set<String> affected = new HashSet<>(Set.of(phaseId));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Phase phase : plan.phases()) {
                    if (!affected.contains(phase.id()) && phase.dependsOn().stream().anyMatch(affected::contains)) {
                        affected.add(phase.id());
                        grew = true;
                    }
                }
            }
            affected.remove(phaseId);
            String label = plan.phase(phaseId).map(Phase::label).orElse(phaseId);
            for (String id : affected) {
                PhaseState dependent = phase(id);
                PhaseStatus status = dependent.status();
                boolean working = status == PhaseStatus.IN_PROGRESS || status == PhaseStatus.BLOCKED
                        || status == PhaseStatus.EVAL;
                if (working && dependent.startedAt() != null) {
                    phases.put(id, dependent.withStatus(PhaseStatus.PENDING, "Waiting: " + label
                            + " is being rolled back", at));
                }
            }
        }

        private void alertFired(Event event, AlertFired p) {
            AlertState old = alerts.get(p.alertId());
            alerts.put(p.alertId(), new AlertState(p.alertId(), p.metricId(), p.value(), p.message(), event.at(),
                    old == null ? 1 : old.timesFired() + 1, false, null, null, null, null, null));
        }

        private void alertAcknowledged(Event event, AlertAcknowledged p) {
            AlertState old = alerts.get(p.alertId());
            if (old != null) {
                alerts.put(p.alertId(), old.acknowledged(event.operator(), event.at(), p.note()));
            }
        }

        private void alertCleared(Event event, AlertCleared p) {
            // The first clearing stands (two consoles watching the same metric may both record it).
            AlertState old = alerts.get(p.alertId());
            if (old != null && old.firing()) {
                alerts.put(p.alertId(), old.cleared(event.at(), p.value()));
            }
        }

        /** Whether the phase's completion gates are open by themselves right now (no override needed). */
        private boolean verifiedNow(String phaseId) {
            if (plan.phase(phaseId).isEmpty()) {
                return false;
            }
            IncidentState now = new IncidentState(this);
            return PhaseLifecycle.completionGates(now, phaseId).stream().allMatch(PhaseLifecycle.Gate::open);
        }

        /**
         * A phase is completed once: a second completion (two consoles raced, or one was offline) leaves the first
         * standing and is only noted, so the state depends on the database's order alone.
         */
        private void complete(Event event, PhaseCompleted p) {
            PhaseState phase = phase(p.phaseId());
            if (phase.status() == PhaseStatus.COMPLETE) {
                Completion first = completions.get(p.phaseId());
                ignored.put(event.id(), first == null ? "ignored: the phase was already complete"
                        : "ignored: already completed by " + first.operator() + " at " + CLOCK_TIME.format(first.at()));
                return;
            }
            if (!PhaseLifecycle.allowed(phase.status(), PhaseStatus.COMPLETE)) {
                ignored.put(event.id(), "ignored: a phase that is " + phase.status().label() + " cannot be completed");
                return;
            }
            phases.put(p.phaseId(), phase.completed(p.confirmedOpenItems(), event.at(), verifiedNow(p.phaseId())));
            completions.put(p.phaseId(), new Completion(p.phaseId(), event.operator(), event.at(), event.id()));
        }

        private void finishRollback(RollbackFinished p, Instant at) {
            for (int i = rollbacks.size() - 1; i >= 0; i--) {
                RollbackRecord r = rollbacks.get(i);
                if (r.running() && r.runbookId().equals(p.runbookId())
                        && Objects.equals(r.procedureId(), p.procedureId())) {
                    rollbacks.set(i, new RollbackRecord(r.runbookId(), r.procedureId(), r.reason(), r.startedBy(),
                            r.startedAt(), at, p.succeeded(), p.note()));
                    return;
                }
            }
            rollbacks.add(new RollbackRecord(p.runbookId(), p.procedureId(), null, null, null, at, p.succeeded(),
                    p.note()));
        }
    }
}
