package io.incidentconsole.incident;

import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestSuite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mutable working set of one fold step or replay of {@link IncidentState}; never escapes it. The handlers
 * ({@link FoldHandlers}) change it one event at a time; {@link IncidentState} freezes it.
 */
final class Fold {
    final Plan plan;
    AppendLog.Builder<Event> events = AppendLog.<Event>empty().builder();
    /** Starts and take-overs not undone, in journal order: who holds the incident, without reading every event. */
    AppendLog.Builder<Event> holderEvents = AppendLog.<Event>empty().builder();
    final Set<String> undone = new HashSet<>();
    final Map<String, PhaseState> phases = new LinkedHashMap<>();
    /** Histories stay mutable while folding: copying one per result would make a replay quadratic. */
    /**
     * Each test's results. A list taken over from the previous state is that state's (immutable) list until an event
     * changes it ({@link #resultsToChange}): copying every test's results for every event made one tick cost as much
     * as all the results recorded so far.
     */
    final Map<TestKey, List<TestResult>> tests = new LinkedHashMap<>();
    /** The previous state's records whose results no event here has changed: the new state keeps them as they are. */
    final Map<TestKey, TestRecord> unchangedTests = new HashMap<>();
    final Map<StepKey, Set<Integer>> testSteps = new LinkedHashMap<>();
    final Map<String, ParameterValue> parameters = new LinkedHashMap<>();
    AppendLog.Builder<DecisionRecord> decisions = AppendLog.<DecisionRecord>empty().builder();
    final Map<String, Set<String>> criteria = new LinkedHashMap<>();
    final List<RollbackRecord> rollbacks = new ArrayList<>();
    final Map<String, AlertState> alerts = new LinkedHashMap<>();
    AppendLog.Builder<NoteRecord> notes = AppendLog.<NoteRecord>empty().builder();
    AppendLog.Builder<SignOffRecord> signOffs = AppendLog.<SignOffRecord>empty().builder();
    AppendLog.Builder<CommandRecord> commands = AppendLog.<CommandRecord>empty().builder();
    AppendLog.Builder<UpdateRecord> updates = AppendLog.<UpdateRecord>empty().builder();
    final Map<String, Completion> completions = new LinkedHashMap<>();
    final Map<String, String> ignored = new LinkedHashMap<>();
    /** The observed value a criterion's confirmation rests on, by "owner/criterion". */
    final Map<String, String> observations = new LinkedHashMap<>();
    StartRecord started;

    Fold(Plan plan) {
        this.plan = plan;
        for (Phase phase : plan.phases()) {
            phases.put(phase.id(), PhaseState.initial(phase.id(), phase.status(), phase.statusNote()));
        }
        startPlanDeclaredDone();
    }

    Fold(IncidentState state) {
        plan = state.plan;
        events = state.events.builder();
        holderEvents = state.holderEvents.builder();
        undone.addAll(state.undone);
        phases.putAll(state.phases);
        state.tests.forEach((k, v) -> {
            tests.put(k, v.history());
            unchangedTests.put(k, v);
        });
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
            for (Criterion criterion : phase.successCriteria()) {
                if (criterion.done() && criterion.id() != null) {
                    criteria.computeIfAbsent(phase.id(), k -> new TreeSet<>()).add(criterion.id());
                }
            }
        }
        for (TestSuite suite : plan.testSuites()) {
            for (CheckItem check : suite.checks()) {
                if (check.done() && check.id() != null) {
                    tests.computeIfAbsent(new TestKey(null, suite.id(), check.id()), k -> new ArrayList<>())
                            .add(IncidentState.PLAN_DECLARED_PASS);
                }
            }
        }
    }

    /**
     * A pass the plan declared has no event of its own; it counts from the start of the incident, so views and
     * exports show that time rather than the epoch.
     */
    void datePlanDeclaredPasses(Instant at) {
        for (TestKey key : List.copyOf(tests.keySet())) {
            if (tests.get(key).contains(IncidentState.PLAN_DECLARED_PASS)) {
                resultsToChange(key).replaceAll(r -> r == IncidentState.PLAN_DECLARED_PASS
                        ? new TestResult(r.outcome(), r.note(), r.operator(), at, r.seq()) : r);
            }
        }
    }

    /** The test's results, to add to or change: a list of its own (a copy of the previous state's on first use). */
    List<TestResult> resultsToChange(TestKey key) {
        List<TestResult> results = tests.get(key);
        if (results == null || unchangedTests.remove(key) != null) {
            results = results == null ? new ArrayList<>() : new ArrayList<>(results);
            tests.put(key, results);
        }
        return results;
    }

    /** The phase as it stands; a phase the plan does not have starts PENDING. */
    PhaseState phase(String id) {
        return phases.computeIfAbsent(id, key -> PhaseState.initial(key, PhaseStatus.PENDING, null));
    }

    /** Notes why a recorded event changed nothing. */
    void ignore(Event event, String why) {
        ignored.put(event.id(), why);
    }

    void apply(Event event) {
        if (undone.contains(event.id())) {
            return;
        }
        if (event.payload() instanceof EventPayload.IncidentStarted
                || event.payload() instanceof EventPayload.IncidentTakenOver) {
            holderEvents.add(event);
        }
        FoldHandlers.apply(this, event);
    }

    /** Whether the phase's completion gates are open by themselves right now (no override needed). */
    boolean verifiedNow(String phaseId) {
        if (plan.phase(phaseId).isEmpty()) {
            return false;
        }
        IncidentState now = new IncidentState(this);
        return PhaseLifecycle.completionGates(now, phaseId).stream().allMatch(PhaseLifecycle.Gate::open);
    }
}
