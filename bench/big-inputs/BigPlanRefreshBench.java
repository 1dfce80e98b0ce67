import io.incidentconsole.board.PhaseGates;
import io.incidentconsole.board.StatusTable;
import io.incidentconsole.importer.MarkdownImporter;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.report.CadenceClock;
import io.incidentconsole.report.NowSummary;
import io.incidentconsole.testing.TestProgress;
import io.incidentconsole.testing.TestSheet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * The domain work the console does for every phase on every state change (the board's cards: availability, why
 * blocked, open items, test progress, status label; its status table; the Now strip), on the plan imported from a
 * Markdown document (bench/big-inputs makes one of 2 MB: ~570 phases, 80 decision trees). ROUNDS rounds after 20
 * warm-up rounds, wall time per round; prints "phases=N p50_ms=X p99_ms=Y" as its last line.
 *
 *   java -XX:TieredStopAtLevel=1 -cp CLASSPATH bench/big-inputs/BigPlanRefreshBench.java DOC.md [ROUNDS]
 */
public final class BigPlanRefreshBench {

    public static void main(String[] args) throws Exception {
        Path doc = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Plan plan = new MarkdownImporter().importDocument(doc.toString(), Files.readString(doc)).plan();
        IncidentState state = IncidentState.initial(plan);
        String first = plan.phases().get(0).id();
        state = state.apply(new Event("e1", 1, Instant.now(), "ops", new EventPayload.GateOverridden(first,
                "approval", "bench")));
        state = state.apply(new Event("e2", 2, Instant.now(), "ops", new EventPayload.PhaseStarted(first)));
        CadenceClock cadences = new CadenceClock(Clock.systemUTC());
        long[] nanos = new long[rounds];
        for (int round = -20; round < rounds; round++) {
            long start = System.nanoTime();
            refresh(plan, state, cadences);
            if (round >= 0) {
                nanos[round] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.println(String.format(Locale.ROOT, "phases=%d p50_ms=%.1f p99_ms=%.1f", plan.phases().size(),
                nanos[rounds / 2] / 1e6, nanos[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.99) - 1)] / 1e6));
    }

    private static void refresh(Plan plan, IncidentState state, CadenceClock cadences) {
        TestSheet sheet = new TestSheet(plan, state);
        for (Phase phase : plan.phases()) {
            PhaseGates.availability(plan, state, phase.id());
            PhaseGates.blockedBecause(plan, state, phase.id());
            PhaseGates.openItems(plan, state, phase.id());
            TestProgress.ofPhase(sheet, phase.id());
            PhaseLifecycle.label(state, phase.id());
        }
        StatusTable.toBlock(plan, state);
        NowSummary.of(state, cadences);
    }
}
