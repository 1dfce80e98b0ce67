package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Plan;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated consoles on one embedded PostgreSQL, each recording R events per second for a while; then checks
 * that every console converged on the same events and state and that nothing was lost or duplicated, and reports
 * append latency. Run by {@code bench/team/run.sh} (10 consoles x 50 events/s x 60 s) and, briefly, by
 * {@link TeamConvergenceTest}.
 * <p>
 * With {@code liveFold} each console is a whole {@link Incident} folding its state on every event, as in the app;
 * without, each is a bare team journal and the state is folded once at the end (ten live folds in one process on a
 * shared 2-core machine measure the fold, which costs O(events) per event today, more than the database path).
 */
final class TeamLoadHarness {

    /** One simulated console: a whole incident, or a bare journal. */
    private interface SimulatedConsole extends AutoCloseable {
        Event record(EventPayload payload);

        List<Event> events();

        IncidentState state();

        @Override
        void close();
    }

    /**
     * When each console records. {@code ALIGNED}: every console on the same period at the same instants, so all N
     * appends of a period arrive together (the worst case, and the most concurrent for convergence).
     * {@code INDEPENDENT}: each console's events arrive at random instants of the run (a Poisson process with its
     * count fixed: rate x seconds instants drawn uniformly, seeded by the console's number), as consoles worked by
     * different people on different laptops do; the same offered load, without the lockstep no real team has.
     */
    enum Arrivals {
        ALIGNED, INDEPENDENT;

        /** Nanoseconds after the start at which console {@code console} records its events, in order. */
        long[] schedule(int console, int eventsPerSecond, Duration duration) {
            int count = (int) (eventsPerSecond * duration.toSeconds());
            long[] at = new long[count];
            long periodNanos = 1_000_000_000L / eventsPerSecond;
            Random random = new Random(console * 7919L + 17);
            for (int n = 0; n < count; n++) {
                at[n] = this == ALIGNED ? n * periodNanos : (long) (random.nextDouble() * duration.toNanos());
            }
            Arrays.sort(at);
            return at;
        }
    }

    /** Appends that started this long after the first are also reported apart ("steady"): the start is cold. */
    static final Duration WARM_UP = Duration.ofSeconds(10);

    record Result(int consoles, int eventsPerSecond, Duration duration, long appended, long stored,
                  boolean converged, boolean noDuplicates, double p50Millis, double p99Millis, double maxMillis,
                  double achievedPerSecond, String loadBefore, String loadAfter, double steadyP50Millis,
                  double steadyP99Millis) {

        String report() {
            // The steady figures are named so that "p99=" still finds only the whole run's (bench/team/compare.sh).
            return String.format(Locale.ROOT, "consoles=%d rate=%d/s each duration=%ds appended=%d stored=%d "
                            + "converged=%s noDuplicates=%s achieved=%.0f events/s append p50=%.2f ms p99=%.2f ms "
                            + "max=%.2f ms loadavg before=[%s] after=[%s] steady(after %ds): P50:%.2f ms P99:%.2f ms",
                    consoles, eventsPerSecond, duration.toSeconds(), appended, stored, converged, noDuplicates,
                    achievedPerSecond, p50Millis, p99Millis, maxMillis, loadBefore, loadAfter, WARM_UP.toSeconds(),
                    steadyP50Millis, steadyP99Millis);
        }
    }

    private TeamLoadHarness() {
    }

    static Result run(Path workDir, int port, int consoles, int eventsPerSecond, Duration duration,
                      boolean liveFold, Arrivals arrivals) throws Exception {
        TeamTestSupport support = new TeamTestSupport(workDir.resolve("home"));
        TeamDatabaseAddress address = TeamTestSupport.address(port);
        Plan plan = TeamTestSupport.plan();
        List<SimulatedConsole> incidents = new ArrayList<>();
        String loadBefore = loadAverage();
        try {
            Incident first = support.console(workDir.resolve("cache-0"), "console-0").connect(address)
                    .start(plan, "small-plan.yaml", TeamTestSupport.planText(), "operator-0");
            String incidentId = first.id();
            if (liveFold) {
                incidents.add(whole(first));
            } else {
                first.close();
            }
            for (int i = liveFold ? 1 : 0; i < consoles; i++) {
                TeamIncidents team = support.console(workDir.resolve("cache-" + i), "console-" + i).connect(address);
                incidents.add(liveFold ? whole(team.join(incidentId, "operator-" + i))
                        : bare(((PostgresTeamIncidents) team).openLiveJournal(incidentId, "operator-" + i),
                        "operator-" + i, plan));
            }
            List<Long> latencies = new CopyOnWriteArrayList<>();
            List<Long> steadyLatencies = new CopyOnWriteArrayList<>();
            AtomicLong appended = new AtomicLong(1); // IncidentStarted
            List<Thread> writers = new ArrayList<>();
            long start = System.nanoTime() + 100_000_000L;
            for (int i = 0; i < consoles; i++) {
                SimulatedConsole incident = incidents.get(i);
                String operator = "operator-" + i;
                String phase = i % 2 == 0 ? "backup" : "migrate";
                long[] schedule = arrivals.schedule(i, eventsPerSecond, duration);
                Thread writer = new Thread(() -> {
                    List<Long> mine = new ArrayList<>();
                    List<Long> steady = new ArrayList<>();
                    for (int n = 0; n < schedule.length; n++) {
                        long wait = start + schedule[n] - System.nanoTime();
                        if (wait > 0) {
                            sleepNanos(wait);
                        }
                        long t0 = System.nanoTime();
                        incident.record(new EventPayload.NoteAdded(phase, operator + " #" + n));
                        mine.add(System.nanoTime() - t0);
                        if (t0 - start >= WARM_UP.toNanos()) {
                            steady.add(mine.get(mine.size() - 1));
                        }
                        appended.incrementAndGet();
                    }
                    latencies.addAll(mine);
                    steadyLatencies.addAll(steady);
                }, "load-" + i);
                writers.add(writer);
                writer.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long expected = appended.get();
            boolean arrived = TeamTestSupport.eventually(Duration.ofSeconds(120), () -> incidents.stream()
                    .allMatch(inc -> inc.events().size() == expected));
            List<Event> reference = incidents.get(0).events();
            IncidentState referenceState = incidents.get(0).state();
            boolean converged = arrived && incidents.stream().allMatch(inc -> inc.events().equals(reference)
                    && inc.state().equals(referenceState));
            Set<String> ids = new HashSet<>();
            reference.forEach(e -> ids.add(e.id()));
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] steady = steadyLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(consoles, eventsPerSecond, duration, expected, reference.size(), converged,
                    ids.size() == reference.size(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, (expected - 1) / seconds, loadBefore,
                    loadAverage(), percentile(steady, 0.50), percentile(steady, 0.99));
        } finally {
            incidents.forEach(SimulatedConsole::close);
        }
    }

    private static SimulatedConsole whole(Incident incident) {
        return new SimulatedConsole() {
            @Override
            public Event record(EventPayload payload) {
                return incident.record(payload);
            }

            @Override
            public List<Event> events() {
                return incident.journal().events();
            }

            @Override
            public IncidentState state() {
                return incident.state();
            }

            @Override
            public void close() {
                incident.close();
            }
        };
    }

    private static SimulatedConsole bare(PostgresTeamJournal journal, String operator, Plan plan) {
        return new SimulatedConsole() {
            @Override
            public Event record(EventPayload payload) {
                return journal.append(operator, payload);
            }

            @Override
            public List<Event> events() {
                return journal.events();
            }

            @Override
            public IncidentState state() {
                return IncidentState.replay(plan, journal.events());
            }

            @Override
            public void close() {
                journal.close();
            }
        };
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Paces the load the harness offers a real PostgreSQL (a measurement, not a unit test). */
    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", Arrays.copyOf(parts, 3));
        } catch (IOException e) {
            return "n/a";
        }
    }

    /**
     * {@code consoles eventsPerSecond seconds [live-fold] [commit-no-wait] [aligned]} (default 10 50 60, bare
     * journals, a durable commit, independent arrivals). {@code commit-no-wait} runs the server with
     * synchronous_commit=off, only to show how much of the append time is the commit's wait for the disk; the console
     * never does that. {@code aligned}: every console records at the same instants ({@link Arrivals#ALIGNED}).
     */
    public static void main(String[] args) throws Exception {
        int consoles = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        List<String> flags = Arrays.asList(args).subList(Math.min(3, args.length), args.length);
        boolean liveFold = flags.contains("live-fold");
        boolean noWait = flags.contains("commit-no-wait");
        Arrivals arrivals = flags.contains("aligned") ? Arrivals.ALIGNED : Arrivals.INDEPENDENT;
        Path work = Files.createTempDirectory("team-load");
        int port = TeamTestSupport.freePort();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setPort(port).setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("synchronous_commit", noWait ? "off" : "on").start()) {
            TeamTestSupport.createDatabase(server, TeamTestSupport.DATABASE);
            Result result = run(work, port, consoles, rate, Duration.ofSeconds(seconds), liveFold, arrivals);
            System.out.println((liveFold ? "live fold on every console" : "bare journals, state folded at the end")
                    + (noWait ? ", synchronous_commit=off" : "") + ", " + arrivals.name().toLowerCase(Locale.ROOT)
                    + " arrivals: " + result.report());
            System.out.println("cpus=" + Runtime.getRuntime().availableProcessors() + " java="
                    + System.getProperty("java.version"));
            if (!result.converged() || !result.noDuplicates() || result.stored() != result.appended()) {
                System.exit(1);
            }
        }
    }
}
