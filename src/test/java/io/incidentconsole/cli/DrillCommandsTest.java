package io.incidentconsole.cli;

import io.incidentconsole.fixture.MovableClock;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A game day from the command line on the bundled plan and scenario: a drill starts with its scenario, plays it as
 * its clock is fast-forwarded (never in a real incident), marks every export as a drill and ends with the drill
 * report and its trend over the drills of the plan.
 */
class DrillCommandsTest {

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private Path plan;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void writePlan() throws IOException {
        plan = data.resolve("plan.yaml");
        Files.writeString(plan, new PlanLoader().bundledSeedText(), StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(clock, request -> 99, new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path start(String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"new", plan.toString(), "--operator", "ana", "--data-dir", data.toString()},
                0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        assertThat(run(args)).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        return Path.of(lines.get(lines.size() - 1));
    }

    private void startPhaseTwo(Path drill) {
        assertThat(run("phase", "start", drill.toString(), "p330-2", "--override-gate", "dependencies",
                "--override-gate", "approval", "--reason", "game day: start at phase 2", "--operator", "ana"))
                .as(err.toString()).isZero();
    }

    @Test
    void aDrillPlaysItsScenarioAsItsClockIsFastForwarded() throws IOException {
        Path drill = start("--drill", "--scenario", "package-update-regresses-auth");
        assertThat(out.toString()).startsWith("Started drill ").contains("(scenario package-update-regresses-auth)");
        assertThat(drill.resolve("scenario.yaml")).exists();

        assertThat(run("drill", "play", drill.toString(), "--operator", "ana")).isZero();
        assertThat(out.toString()).isEqualTo("No scenario event is due.\n");

        startPhaseTwo(drill);
        clock.advance(Duration.ofSeconds(20));
        assertThat(run("drill", "fast-forward", drill.toString(), "--operator", "ana")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Drill clock fast-forwarded 4m 40s (fast-forwarded in drill)\n"
                + "Drill scenario event #1: adapter_calls rises +40% over 2m\n"
                + "Drill scenario event #2: error_rate rises +400% over 2m\n"
                + "Next: #3 at phase p330-2 started + 6m: test t330-p2.check-2 fails");

        assertThat(run("drill", "fast-forward", drill.toString(), "--by", "3m", "--reason", "skip to the alert",
                "--operator", "ana")).isZero();
        assertThat(out.toString()).contains("Test “Google OAuth works”: FAIL")
                .contains("Alert auth-regression fired: [drill scenario] Convex error rate spikes")
                .contains("Drill scenario event #5: step rb330-phase2.step-2 fails with exit code 1")
                .doesNotContain("Next:");

        assertThat(run("status", drill.toString())).isZero();
        assertThat(out.toString()).startsWith("DRILL ").contains("(a rehearsal, not a real incident)")
                .contains("auth-regression");
        assertThat(run("status", drill.toString(), "--json")).isZero();
        JsonNode status = new ObjectMapper().readTree(out.toString());
        assertThat(status.get("drill").asBoolean()).isTrue();
    }


    @Test
    void aRealIncidentRefusesEveryDrillVerbAndRecordsNothing() throws IOException {
        Path real = start();
        assertThat(out.toString()).startsWith("Started incident ");
        long before = Files.size(real.resolve("journal-0001.jsonl"));

        assertThat(run("drill", "fast-forward", real.toString(), "--by", "24h", "--operator", "ana")).isEqualTo(3);
        assertThat(err.toString()).contains("is not a drill: its clock cannot be fast-forwarded")
                .contains("Nothing was recorded.");
        assertThat(run("drill", "play", real.toString(), "--operator", "ana")).isEqualTo(3);
        assertThat(Files.size(real.resolve("journal-0001.jsonl"))).isEqualTo(before);

        assertThat(run("report", real.toString(), "--kind", "drill")).isEqualTo(2);
        assertThat(err.toString()).contains("is a real incident, not a drill");
        assertThat(run("report", real.toString(), "--kind", "update")).isZero();
        assertThat(out.toString()).doesNotContain("DRILL");
    }

    @Test
    void aScenarioNeedsADrillAndMustFitThePlanWithLocatedProblems() throws IOException {
        assertThat(run("new", plan.toString(), "--operator", "ana", "--data-dir", data.toString(), "--scenario",
                "package-update-regresses-auth")).isEqualTo(2);
        assertThat(err.toString()).contains("--scenario is for a drill: add --drill");

        Path bad = Files.writeString(data.resolve("bad.yaml"), "scenario: {name: bad}\nevents:\n  - at: 5m\n"
                + "    failTest: no-such-check\n");
        assertThat(run("new", plan.toString(), "--operator", "ana", "--data-dir", data.toString(), "--drill",
                "--scenario", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(bad + ":4:5: events[0].failTest: no test item 'no-such-check'");
        assertThat(data.resolve("incidents")).doesNotExist();

        assertThat(run("drill", "check", plan.toString(), bad.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(bad + ":4:5: events[0].failTest:");
        assertThat(run("drill", "check", plan.toString(), "package-update-regresses-auth")).isZero();
        assertThat(out.toString()).startsWith("package-update-regresses-auth: 5 events, fits Issue #324 & #330 "
                + "Coordination Plan\n  #1 at phase p330-2 started + 5m: adapter_calls rises +40% over 2m\n");
    }

    @Test
    void everyExportOfADrillSaysSoAndTheDrillReportTrendsOverTheDrillsOfThePlan() throws IOException {
        Path first = start("--drill", "--scenario", "package-update-regresses-auth");
        clock.advance(Duration.ofMinutes(1));
        startPhaseTwo(first);
        clock.advance(Duration.ofMinutes(1));
        assertThat(run("drill", "fast-forward", first.toString(), "--by", "10m", "--operator", "ana")).isZero();
        clock.advance(Duration.ofHours(1));
        Path second = start("--drill");
        clock.advance(Duration.ofHours(1));
        start();

        assertThat(run("tests", first.toString(), "--format", "junit")).isZero();
        assertThat(out.toString()).contains("<testsuites name=\"DRILL — Issue #324 &amp; #330 Coordination Plan\"")
                .contains("<testsuite name=\"DRILL — ");
        assertThat(run("tests", first.toString(), "--format", "markdown")).isZero();
        assertThat(out.toString()).startsWith("# DRILL — Test results: ");
        assertThat(run("report", first.toString(), "--kind", "postmortem")).isZero();
        assertThat(out.toString()).startsWith("# DRILL — Post-incident report: ")
                .contains("**DRILL:** a rehearsal (game day), not a real incident.");
        assertThat(run("handoff", first.toString())).isZero();
        assertThat(out.toString()).startsWith("# DRILL — ").contains("> **DRILL:** a rehearsal");

        assertThat(run("report", first.toString(), "--kind", "drill")).as(err.toString()).isZero();
        String report = out.toString();
        assertThat(report).startsWith("# DRILL — Drill report: Issue #324 & #330 Coordination Plan\n")
                .contains("## Planned vs actual per phase")
                .contains("| #330 2: ")
                .contains("## Response times")
                .contains("| the rollback decision | not reached | — |")
                .contains("## Gates overridden")
                .contains("dependencies gate, by ana — game day: start at phase 2")
                .contains("## Runs: stubbed and real")
                .contains("**Through stubs:** 0 runs")
                .contains("#4: alert auth-regression fires")
                .contains("10m fast-forwarded in drill");
        String trend = report.substring(report.indexOf("## Trend"));
        assertThat(trend).contains(first.getFileName() + " (this)").contains(second.getFileName().toString());
        assertThat(trend.indexOf(first.getFileName().toString()))
                .isLessThan(trend.indexOf(second.getFileName().toString()));
        assertThat(trend.lines().filter(l -> l.startsWith("| 2")).count()).as("two drills, no real incident")
                .isEqualTo(2);

        Path html = data.resolve("drill.html");
        assertThat(run("report", first.toString(), "--kind", "drill", "-o", html.toString())).isZero();
        assertThat(Files.readString(html)).contains("<section id=\"trend\">");
    }
}
