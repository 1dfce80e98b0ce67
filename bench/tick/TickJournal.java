import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Makes the tick benchmark's incident (run by bench/tick/run.sh): an incident of PLAN in DATA_DIR started with the
 * domain API (IncidentStore.create, as the console does), whose journal then gets COUNT events in all: ticks and
 * unticks of the plan's real tasks, results of its real tests, notes. They are written in one go with the
 * journal's own codec (an fsync per event would take minutes and measures nothing here), so the console replays
 * exactly what it would have written. Tasks end unticked and the last results are spread over every outcome.
 *
 * The operator name "bench" is remembered in CONFIG_DIR (an XDG_CONFIG_HOME), so that Enter in the console's
 * incident dialog resumes this incident.
 *
 *   java -cp CLASSPATH bench/tick/TickJournal.java DATA_DIR CONFIG_DIR PLAN [COUNT]
 */
public final class TickJournal {

    private record TaskRef(String phaseId, String taskId) {
    }

    private record TestRef(String suiteId, String testId, String phaseId) {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        Path configDir = Path.of(args[1]);
        Path planFile = Path.of(args[2]);
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        PlanLoadResult loaded = new PlanLoader().load(planFile);
        if (!loaded.ok()) {
            throw new IllegalStateException(planFile + " does not load: " + loaded.problems());
        }
        Plan plan = loaded.plan();
        List<TaskRef> tasks = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            for (Task task : phase.tasks()) {
                tasks.add(new TaskRef(phase.id(), task.id()));
            }
        }
        List<TestRef> tests = new ArrayList<>();
        for (TestSuite suite : plan.testSuites()) {
            String phaseId = suite.phases().isEmpty() ? null : suite.phases().get(0);
            for (CheckItem check : suite.checks()) {
                tests.add(new TestRef(suite.id(), check.id(), phaseId));
            }
            for (TestCase testCase : suite.cases()) {
                tests.add(new TestRef(suite.id(), testCase.id(), phaseId));
            }
        }

        new OperatorSettings(configDir.resolve("incident-console").resolve(OperatorSettings.FILE))
                .rememberOperator("bench");
        // Opened as long ago as its events take at one every 250 ms, so the last of them is a minute before the
        // bench starts: the views show a long incident, not times hours ahead of the clock.
        Clock openedThen = Clock.offset(Clock.systemUTC(), Duration.ofMillis(-250L * count - 60_000));
        Incident incident = new IncidentStore(dataDir, openedThen).create(plan, planFile.toAbsolutePath().toString(),
                Files.readString(planFile), "bench");
        Path folder = incident.directory();
        Event last = incident.state().events().get(incident.state().events().size() - 1);
        incident.close();
        Path segment;
        try (Stream<Path> files = Files.list(folder)) {
            segment = files.filter(p -> p.getFileName().toString().matches("journal-\\d+\\.jsonl")).sorted()
                    .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no journal in " + folder));
        }

        EventCodec codec = new EventCodec();
        long seq = last.seq();
        Instant at = last.at();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(segment, StandardOpenOption.APPEND),
                1 << 16)) {
            // The phases are under way, as in a long-running incident: their tasks can be ticked (a task of a phase
            // not started is refused, PhaseLifecycle.taskRefusal), so Space on the board always records. Written
            // as the journal holds them; how they got past their gates is not what this bench measures.
            for (Phase phase : plan.phases()) {
                if (!phase.tasks().isEmpty() && seq < count) {
                    seq++;
                    at = at.plusMillis(250);
                    out.write(codec.encode(new Event(UUID.randomUUID().toString(), seq, at, "bench",
                            new EventPayload.PhaseStarted(phase.id()))));
                }
            }
            for (int i = 0; seq < count; i++) {
                seq++;
                at = at.plusMillis(250);
                out.write(codec.encode(new Event(UUID.randomUUID().toString(), seq, at, "bench",
                        payload(i, count, tasks, tests))));
            }
        }
        System.out.printf("incident %s: %d events, %.1f MB in %s%n", incident.id(), seq, Files.size(segment) / 1e6,
                folder);
    }

    /** Ticks come in tick/untick pairs, so every task ends unticked and Space always ticks. */
    private static EventPayload payload(int i, int count, List<TaskRef> tasks, List<TestRef> tests) {
        int pair = i / 2;
        switch (i % 10) {
            case 0, 1, 2, 3 -> {
                TaskRef task = tasks.get((i / 10 * 2 + (i % 10) / 2) % tasks.size());
                return i % 2 == 0 ? new EventPayload.TaskTicked(task.phaseId(), task.taskId())
                        : new EventPayload.TaskUnticked(task.phaseId(), task.taskId());
            }
            case 4, 5, 6, 7 -> {
                TestRef test = tests.get(pair % tests.size());
                return new EventPayload.TestResultSet(test.suiteId(), test.testId(), test.phaseId(),
                        TestOutcome.values()[(i / 10) % TestOutcome.values().length], "bench result " + i);
            }
            default -> {
                return new EventPayload.NoteAdded(null, "operator note " + i
                        + " with a little more text, as a real note would have");
            }
        }
    }
}
