import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.LatestTicks;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestSuite;
import io.incidentconsole.testing.TestRow;
import io.incidentconsole.testing.TestSheet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The per-tick domain work the board and the Tests area do on every state change, on the bundled plan with COUNT
 * events (default 100,000: ticks and unticks of its tasks, results of its tests, notes, as bench/tick's journal),
 * side by side in one JVM where the old way can still be run: the board's who-ticked-what folded over every event
 * (LatestTicks.fold, what PhaseBoardViewModel did on every change before issue #22 round 2) against LatestTicks.of
 * (only the new event); and the Tests area's rows of every scope (TestSheet.rows, after). Each tick appends one
 * event and asks all three. Thread CPU time per tick, p50 and p99 over TICKS ticks (default 300)
 * after 100 warm-up ticks, printed as FIGURE lines (parts of the tick, not goals: the goal is the end-to-end tick
 * latency that TickBench measures in a real window, with its RESULT lines).
 *
 *   java -cp CLASSPATH bench/tick/TickWorkBench.java [COUNT] [TICKS]
 */
public final class TickWorkBench {

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Plan plan = new PlanLoader().loadBundledSeed().plan();
        List<String[]> tasks = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            for (Task task : phase.tasks()) {
                tasks.add(new String[] {phase.id(), task.id()});
            }
        }
        List<String[]> tests = new ArrayList<>();
        for (TestSuite suite : plan.testSuites()) {
            String phaseId = suite.phases().isEmpty() ? null : suite.phases().get(0);
            for (CheckItem check : suite.checks()) {
                tests.add(new String[] {suite.id(), check.id(), phaseId});
            }
        }
        List<Event> events = new ArrayList<>();
        events.add(event(0, new EventPayload.IncidentStarted("bench", "Bench", "sha")));
        for (int i = 1; i < count; i++) {
            events.add(event(i, payload(i, tasks, tests)));
        }
        IncidentState state = IncidentState.replay(plan, events);
        LatestTicks latest = new LatestTicks();
        latest.of(state);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] samples = new long[3][ticks];
        for (int t = -100; t < ticks; t++) {
            state = state.apply(event(count + 100 + t, payload(count + 100 + t, tasks, tests)));
            IncidentState s = state;
            long[] took = {
                cpu(threads, () -> LatestTicks.fold(s)),
                cpu(threads, () -> latest.of(s)),
                cpu(threads, () -> sheetRows(plan, s))};
            if (t >= 0) {
                for (int k = 0; k < 3; k++) {
                    samples[k][t] = took[k];
                }
            }
        }
        String[] names = {"board_ticks_full_fold", "board_ticks_incremental", "tests_rows_all_scopes"};
        System.out.printf(Locale.ROOT, "%d events, %d ticks, load %s%n", state.events().size(), ticks,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int k = 0; k < 3; k++) {
            long[] sorted = samples[k].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "FIGURE %s_p50 %.3f ms%nFIGURE %s_p99 %.3f ms%n", names[k],
                    sorted[sorted.length / 2] / 1e6, names[k], sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
        }
    }

    private static long cpu(ThreadMXBean threads, Supplier<?> work) {
        long start = threads.getCurrentThreadCpuTime();
        if (work.get() == null) {
            throw new IllegalStateException();
        }
        return threads.getCurrentThreadCpuTime() - start;
    }

    /** The Tests area's rows, every phase and the whole plan, as TestSheet now makes them. */
    private static List<TestRow> sheetRows(Plan plan, IncidentState state) {
        TestSheet sheet = new TestSheet(plan, state);
        List<TestRow> rows = new ArrayList<>(sheet.rows(null));
        for (Phase phase : plan.phases()) {
            rows.addAll(sheet.rows(phase.id()));
        }
        return rows;
    }

    private static Event event(int i, EventPayload payload) {
        return new Event("e" + i, i + 1, Instant.parse("2026-11-27T08:00:00Z").plusMillis(250L * i), "bench", payload);
    }

    private static EventPayload payload(int i, List<String[]> tasks, List<String[]> tests) {
        switch (i % 10) {
            case 0, 1, 2, 3 -> {
                String[] task = tasks.get((i / 10 * 2 + (i % 10) / 2) % tasks.size());
                return i % 2 == 0 ? new EventPayload.TaskTicked(task[0], task[1])
                        : new EventPayload.TaskUnticked(task[0], task[1]);
            }
            case 4, 5, 6, 7 -> {
                String[] test = tests.get(i / 2 % tests.size());
                return new EventPayload.TestResultSet(test[0], test[1], test[2],
                        TestOutcome.values()[(i / 10) % TestOutcome.values().length], "bench result " + i);
            }
            default -> {
                return new EventPayload.NoteAdded(null, "operator note " + i);
            }
        }
    }
}
