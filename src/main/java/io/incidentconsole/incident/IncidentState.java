package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.IncidentStarted;
import io.incidentconsole.incident.EventPayload.Undo;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The incident as its journal says it is: a fold of the events over the plan. Immutable; {@link #apply(Event)}
 * returns a new state. An event cancelled by an {@link Undo} (that is not itself undone) has no effect; the
 * events themselves are all kept.
 */
public final class IncidentState {

    // Package-private: Fold copies them to go on folding from this state.
    final Plan plan;
    final AppendLog<Event> events;
    final AppendLog<Event> holderEvents;
    final Set<String> undone;
    final Map<String, PhaseState> phases;
    final Map<TestKey, TestRecord> tests;
    final Map<StepKey, Set<Integer>> testSteps;
    final Map<String, ParameterValue> parameters;
    final AppendLog<DecisionRecord> decisions;
    final Map<String, Set<String>> criteria;
    final List<RollbackRecord> rollbacks;
    final Map<String, AlertState> alerts;
    final AppendLog<NoteRecord> notes;
    final AppendLog<SignOffRecord> signOffs;
    final AppendLog<CommandRecord> commands;
    final AppendLog<UpdateRecord> updates;
    final StartRecord started;
    final Map<String, Completion> completions;
    final Map<String, String> ignored;
    final Map<String, String> observations;
    /**
     * {@link #testsOf(String)} by phase, made when first asked: the board, the gates and the "now" strip ask it for
     * every test item of every phase on each state change, and each answer walked every test record (issue #22).
     */
    private final Map<String, List<TestRecord>> testsByPhase = new ConcurrentHashMap<>();

    IncidentState(Fold fold) {
        plan = fold.plan;
        events = fold.events.snapshot();
        holderEvents = fold.holderEvents.snapshot();
        undone = Set.copyOf(fold.undone);
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(fold.phases));
        Map<TestKey, TestRecord> results = new LinkedHashMap<>();
        fold.tests.forEach((k, v) -> {
            TestRecord unchanged = fold.unchangedTests.get(k);
            results.put(k, unchanged != null ? unchanged : new TestRecord(k, v));
        });
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
        // Positions only of the events an undo names: a map of every id cost ~25 MB on a 100,000-event replay, alive
        // long enough to be promoted, for journals that mostly hold no undo at all.
        Set<String> named = new HashSet<>();
        for (Event event : events) {
            if (event.payload() instanceof Undo undo) {
                named.add(undo.eventId());
            }
        }
        if (named.isEmpty()) {
            return new HashSet<>();
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i).id();
            if (named.contains(id)) {
                position.putIfAbsent(id, i);
            }
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

    /** The starts and take-overs not undone, in journal order ({@link IncidentHolder}). */
    List<Event> holderEvents() {
        return holderEvents;
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
                + completion(phaseId).map(c -> " (completed " + c.byWhomAndWhen() + ")")
                .orElse(" (the plan declares it done)") + "; a phase cannot be completed twice.");
    }

    public Optional<Event> lastEvent() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    public Optional<StartRecord> started() {
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
        return phaseId == null ? recordsOf(null) : testsByPhase.computeIfAbsent(phaseId, this::recordsOf);
    }

    private List<TestRecord> recordsOf(String phaseId) {
        PhaseState phase = phases.get(phaseId);
        long after = phase == null ? 0 : phase.retestAfterSeq();
        if (after > 0) {
            // Rolled back: only results recorded since count; the rest stays in tests() and the timeline.
            return testsOf(phaseId, tests.values().stream()
                    .filter(r -> r.latest().seq() > after && r.latest().seq() != PLAN_DECLARED_PASS.seq()).toList());
        }
        return testsOf(phaseId, tests.values());
    }

    private List<TestRecord> testsOf(String phaseId, Collection<TestRecord> records) {
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

    public List<NoteRecord> notes() {
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

    /** Who records the results a plan declares ({@code done: true} checks). */
    public static final String PLAN_OPERATOR = "plan";

    /**
     * The pass a {@code done: true} check starts with: no event made it, so it has no time of its own until the
     * incident's start gives it one.
     */
    static final TestResult PLAN_DECLARED_PASS =
            new TestResult(TestOutcome.PASS, "done when the plan was written", PLAN_OPERATOR, Instant.EPOCH, 0);

    /**
     * Kinds that change no state by themselves: an undo is accounted for before the fold (see {@link #undoneIds}),
     * a continuation only marks where a journal went on, an unrecognized kind is kept as written. Every other kind
     * has a handler in {@link FoldHandlers}; {@code FoldCoverageTest} fails when a new kind has neither.
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
            DrillEvents.DrillScenarioAttached.class, DrillEvents.ScenarioEventPlayed.class,
            DrillEvents.DrillClockAdvanced.class, DrillEvents.DrillRunModeChosen.class);

    /** The kinds the fold handles. */
    static Set<Class<? extends EventPayload>> handledKinds() {
        return FoldHandlers.kinds();
    }
}
