package io.incidentconsole.app;

import io.incidentconsole.board.PhaseGates;
import io.incidentconsole.board.StatusTable;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.LatestTicks;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;
import io.incidentconsole.report.CadenceClock;
import io.incidentconsole.report.NowSummary;
import io.incidentconsole.testing.TestProgress;
import io.incidentconsole.testing.TestSheet;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Rehearses the domain side of a tick (the event encoded as the journal writes it, folded into the state, and what
 * the board, the Tests area and the now strip work out of the new state) a few thousand times, in the background
 * once an incident is open, on a small private incident of the same plan. Why: a console records hundreds of events
 * in an incident, and the JIT compiles a method after hundreds (C1) to thousands (C2) of calls, so without this the
 * operator's ticks ran interpreted code for much of an incident; the tick bench saw a press take 15 ms at first and
 * 10 ms after 150 presses (docs/performance.md, round 8). Nothing here touches the open incident, its journal or the views: the
 * private state is made from the plan alone and thrown away.
 */
final class TickWarmUp {

    /** {@code -Dincident-console.tick-warm-up=off} leaves it out (to measure the console without it). */
    static final String PROPERTY = "incident-console.tick-warm-up";
    /**
     * Enough for every per-tick method to be compiled: C1, which the launchers' options keep to, takes a method after
     * some hundreds of calls; C2 (`java -jar`) after some thousands. About 1.3 s of one core on the bundled plan.
     */
    static final int TICKS = 3000;
    /** At the lowest thread priority (where the system honours it), and never longer than this on a slow machine. */
    static final Duration BUDGET = Duration.ofSeconds(4);
    /** An incident opened with at least this many events is followed by a full collection (startInBackground). */
    static final int COLLECT_AFTER_OPENING = 20_000;
    /** The private incident starts again after this many events, so that it stays small. */
    static final int EVENTS_PER_ROUND = 200;

    private static final String OPERATOR = "warm-up";
    private static final String INCIDENT_ID = "tick-warm-up";
    /** A previous line's chain, so that the rehearsal encodes as the journal does (with the chained checksum). */
    private static final String CHAIN = "0123456789abcdef0123456789abcdef";

    private TickWarmUp() {
    }

    /**
     * Starts, on a daemon thread of the lowest priority unless {@code property} is "off", the rehearsal on the plan of
     * the incident just opened, and after it, when that incident is big, a full collection.
     * <p>
     * Why the collection: opening a big incident (the replay, then every view refreshed and drawn with it) allocates
     * fast enough that the serial collector's small young generation promotes much of what lives for a second or so;
     * the old generation is then nearly full of garbage, and the full collection that empties it (~0.2 s with
     * 100,000 events on 2 cores) came a few seconds later, under one of the operator's first ticks (docs/performance.md,
     * round 8). Taken here, it comes before anyone is likely to act.
     */
    static Optional<Thread> startInBackground(String property, IncidentState opened, Clock clock, PrintStream err) {
        if ("off".equalsIgnoreCase(property == null ? "" : property.trim())) {
            return Optional.empty();
        }
        Plan plan = opened.plan();
        boolean collectAfter = collectsAfter(opened);
        Thread thread = new Thread(() -> {
            try {
                rehearse(plan, clock, TICKS, System::nanoTime, System.nanoTime() + BUDGET.toNanos());
                if (collectAfter) {
                    System.gc();
                }
            } catch (RuntimeException e) {
                // A rehearsal that fails costs the operator nothing but the first ticks' speed.
                err.println("tick warm-up: stopped: " + e);
            }
        }, "tick-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return Optional.of(thread);
    }

    /** Whether the rehearsal for this incident, just opened, ends with a full collection: a big one does. */
    static boolean collectsAfter(IncidentState opened) {
        return opened.events().size() >= COLLECT_AFTER_OPENING;
    }

    /**
     * Rehearses up to {@code ticks} ticks, stopping when {@code nanoTime} passes {@code deadline}; returns the number
     * of ticks rehearsed and, in {@code sink}, a figure that depends on every result (so that none is optimised away).
     */
    static Rehearsal rehearse(Plan plan, Clock clock, int ticks, LongSupplier nanoTime, long deadline) {
        List<EventPayload> actions = actionsOf(plan);
        EventCodec codec = new EventCodec();
        CadenceClock cadences = new CadenceClock(clock);
        IncidentState start = startedIncident(plan, clock);
        IncidentState state = start;
        LatestTicks latestTicks = new LatestTicks();
        long sink = 0;
        int done = 0;
        for (; done < ticks && nanoTime.getAsLong() < deadline; done++) {
            if (done % EVENTS_PER_ROUND == 0) {
                state = start;
                latestTicks = new LatestTicks();
            }
            EventPayload payload = actions.isEmpty()
                    ? new EventPayload.NoteAdded(null, "warm-up note " + done)
                    : actions.get(done % actions.size());
            sink += PhaseLifecycle.refusal(state, payload).isPresent() ? 1 : 0;
            Event event = new Event(UUID.randomUUID().toString(), state.events().size() + 1L, clock.instant(),
                    OPERATOR, payload);
            sink += codec.encode(event, CHAIN, INCIDENT_ID).length;
            state = state.apply(event);
            sink += whatTheViewsRead(plan, state, latestTicks, cadences);
        }
        return new Rehearsal(done, sink);
    }

    /** The number of ticks rehearsed; {@code sink} depends on everything worked out. */
    record Rehearsal(int ticks, long sink) {
    }

    /** What the board, the Tests area (each scope) and the now strip work out of a new state. */
    private static long whatTheViewsRead(Plan plan, IncidentState state, LatestTicks latestTicks,
                                         CadenceClock cadences) {
        long sink = latestTicks.of(state).size();
        TestSheet sheet = new TestSheet(plan, state);
        sink += sheet.rows(null).size() + TestProgress.overall(sheet).total();
        for (Phase phase : plan.phases()) {
            sink += PhaseGates.availability(plan, state, phase.id()).hashCode();
            sink += PhaseGates.openItems(plan, state, phase.id()).size();
            sink += PhaseGates.blockedBecause(plan, state, phase.id()).length();
            sink += TestProgress.ofPhase(sheet, phase.id()).total() + sheet.rows(phase.id()).size();
        }
        sink += StatusTable.toBlock(plan, state).rows().size();
        sink += NowSummary.of(state, cadences).running().size();
        return sink;
    }

    /** The private incident: started, every phase with tasks under way (so that its tasks can be ticked). */
    static IncidentState startedIncident(Plan plan, Clock clock) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(UUID.randomUUID().toString(), 1, clock.instant(), OPERATOR,
                new EventPayload.IncidentStarted(INCIDENT_ID, plan.plan().title(), "")));
        for (Phase phase : plan.phases()) {
            if (!phase.tasks().isEmpty()) {
                events.add(new Event(UUID.randomUUID().toString(), events.size() + 1L, clock.instant(), OPERATOR,
                        new EventPayload.PhaseStarted(phase.id())));
            }
        }
        return IncidentState.replay(plan, events);
    }

    /** The operator's usual actions on this plan, in turn: a task ticked and unticked, a test's result, a note. */
    static List<EventPayload> actionsOf(Plan plan) {
        List<EventPayload> tasks = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            for (Task task : phase.tasks()) {
                if (task.id() == null) {
                    continue; // the loader gives every item an id; a plan made otherwise may not have one
                }
                tasks.add(new EventPayload.TaskTicked(phase.id(), task.id()));
                tasks.add(new EventPayload.TaskUnticked(phase.id(), task.id()));
            }
        }
        List<EventPayload> tests = new ArrayList<>();
        TestOutcome[] outcomes = TestOutcome.values();
        for (TestSuite suite : plan.testSuites()) {
            String phaseId = suite.phases().isEmpty() ? null : suite.phases().get(0);
            List<String> ids = new ArrayList<>();
            suite.checks().stream().map(CheckItem::id).filter(Objects::nonNull).forEach(ids::add);
            suite.cases().stream().map(TestCase::id).filter(Objects::nonNull).forEach(ids::add);
            for (String id : ids) {
                tests.add(new EventPayload.TestResultSet(suite.id(), id, phaseId,
                        outcomes[tests.size() % outcomes.length], null));
            }
        }
        List<EventPayload> actions = new ArrayList<>();
        int rounds = Math.max(tasks.size(), tests.size());
        for (int i = 0; i < rounds; i++) {
            if (!tasks.isEmpty()) {
                actions.add(tasks.get(i % tasks.size()));
            }
            if (!tests.isEmpty()) {
                actions.add(tests.get(i % tests.size()));
            }
            if (i % 4 == 3) {
                actions.add(new EventPayload.NoteAdded(null, "warm-up note " + i));
            }
        }
        return actions;
    }
}
