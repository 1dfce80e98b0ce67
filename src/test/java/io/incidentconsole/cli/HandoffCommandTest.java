package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `handoff` on an incident of the bundled plan in the middle of a shift. */
class HandoffCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path folder;

    private int run(String... args) {
        return Cli.run(request -> 0, new PrintWriter(out), new PrintWriter(err), args);
    }

    @BeforeEach
    void anIncidentMidShift() throws Exception {
        String text;
        try (var in = PlanLoader.class.getResourceAsStream("/plans/issue-324-330-coordination.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Plan plan = new PlanLoader().load("seed.yaml", text).plan();
        try (Incident incident = new IncidentStore(home).create(plan, "seed.yaml", text, "ana")) {
            // Phase 1 starts once its approval is signed off (the lifecycle's approval gate).
            incident.record(new EventPayload.SignOffGiven("approve-p330-1", "Incident commander", null));
            incident.record(new EventPayload.PhaseStarted("p330-1"));
            incident.record(new EventPayload.GuidedStepDone("p330-1", plan.phase("p330-1").orElseThrow()
                    .guidedSteps().get(0).id()));
            incident.record(new EventPayload.ParameterEntered("commit", "4f2a9c1", "p330-1.step-6"));
            incident.record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-1", "p330-1", TestOutcome.PASS,
                    null));
            incident.record(new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", "p330-1", TestOutcome.FAIL,
                    "org list empty for coaches"));
            incident.record(new EventPayload.GateOverridden("p324-3", "dependencies", "#330 phase 2 verified by hand"));
            incident.record(new EventPayload.AlertFired("convex-calls-high", "convex_calls", 2_800_000.0,
                    "calls above 2.5M/day"));
            incident.record(new EventPayload.RollbackStarted("rb330", "rb330-phase1", "step by step"));
            incident.record(new EventPayload.StepStarted("r1", "rb330", "rb330-phase1", "rb330-phase1.step-1", 1,
                    "Revert to previous deployment", "git revert '4f2a9c1'", 1, Duration.ofMinutes(10)));
            incident.record(new EventPayload.StepFinished("r1", "rb330-phase1", "rb330-phase1.step-1", 1, 1, false,
                    false, Duration.ofSeconds(2), "error: could not revert", null));
            incident.takeOver("ben", "shift change");
            folder = incident.directory();
        }
    }

    @Test
    void theSummaryOnStdoutHasEverySectionOnTheBundledPlan() throws Exception {
        byte[] before = journalBytes();
        assertThat(run("handoff", folder.toString(), "--note", "Revert of 4f2a9c1 fails: conflicts in schema.ts",
                "--note", "Bridge: #inc-330")).isZero();
        String md = out.toString();
        assertThat(md).startsWith("# Handoff: incident ")
                .contains("Held by **ben** since ")
                .contains("## Watch out\n\n> Revert of 4f2a9c1 fails: conflicts in schema.ts\n> Bridge: #inc-330\n")
                .contains("- **1: Emergency N+1 Fixes** — IN PROGRESS since ")
                .contains("; at guided step 2 of 6: Fix `getPendingInvitationsByEmail` N+1")
                .contains("- **Next update due:** GitHub issue #330 updates: due in ")
                .contains(" — milestone: p330-1 started")
                .contains("## Gates pending\n\n- 1: Emergency N+1 Fixes: completion waits for the verification gate\n"
                        + "- 2: Package Updates: #330 1: Emergency N+1 Fixes is IN PROGRESS, not complete\n"
                        + "- and 3 later phases waiting on phases not started yet\n")
                .contains("## Gates overridden\n\n- 3: Code Cleanup: dependencies gate overridden by ana at ")
                .contains("— #330 phase 2 verified by hand")
                .contains("## Failing tests\n\n- 1: Emergency N+1 Fixes: getMembersForAllOrganizations returns correct"
                        + " data — fail (ana, ")
                .contains("## Tests not run\n\n- 1: Emergency N+1 Fixes: 4 not run — User with 10 orgs sees all orgs")
                .contains("convex-calls-high: Convex function calls = 2.8M calls/day (target 1M calls/day,"
                        + " baseline 3.2M calls/day) — calls above 2.5M/day; fired ")
                .contains("## Recorded parameters\n\n- commit = 4f2a9c1 (recorded at p330-1.step-6 by ana, ")
                .contains("Rollback rb330-phase1 started ", " by ana: STILL RUNNING")
                .contains("Step by step rb330-phase1 (run r1): 1 failed (exit 1), 2 not run — next: step 1")
                .contains("## Last 15 events")
                .contains("ben: ben took the incident over from ana — shift change")
                .contains("ana: Step 1 “Revert to previous deployment” of rb330-phase1 FAILED: exit code 1 after 2.0 s")
                .contains("## Open decisions\n\n- Schema cleanup decision (4: Schema Cleanup");
        String lastEvents = md.substring(md.indexOf("## Last 15 events"));
        assertThat(lastEvents.lines().filter(l -> l.startsWith("- ")).count()).isEqualTo(13);
        assertThat(journalBytes()).as("a handoff reads the incident without changing it").isEqualTo(before);
    }

    @Test
    void aFileIsWrittenOnceAndReplacedOnlyWithForce() throws Exception {
        Path file = home.resolve("handoff/ben.md");
        assertThat(run("handoff", folder.toString(), "-o", file.toString())).as("the folder must exist").isEqualTo(1);
        assertThat(file.getParent()).doesNotExist();
        Files.createDirectories(file.getParent());
        assertThat(run("handoff", folder.toString(), "-o", file.toString())).isZero();
        assertThat(out.toString()).contains("Wrote the handoff summary to " + file);
        String first = Files.readString(file);
        assertThat(first).startsWith("# Handoff: incident ").contains("_No notes from the outgoing operator._");

        assertThat(run("handoff", folder.toString(), "-o", file.toString(), "--note", "new")).isEqualTo(1);
        assertThat(err.toString()).contains(file + ": already exists; use --force to replace it");
        assertThat(Files.readString(file)).isEqualTo(first);

        assertThat(run("handoff", folder.toString(), "-o", file.toString(), "--note", "new", "--force")).isZero();
        assertThat(Files.readString(file)).contains("> new");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void aFolderThatIsNotAnIncidentIsAClearError() {
        assertThat(run("handoff", home.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is not an incident folder");
        assertThat(out.toString()).isEmpty();
    }

    private byte[] journalBytes() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            Path journal = files.filter(p -> p.getFileName().toString().startsWith("journal")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
            return Files.readAllBytes(journal);
        }
    }
}
