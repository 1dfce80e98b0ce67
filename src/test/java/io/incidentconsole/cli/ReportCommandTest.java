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

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    private static final Instant START = Instant.parse("2026-01-29T09:00:00Z");

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final SteppingClock clock = new SteppingClock(START);
    private Path folder;

    /** A clock the test moves by hand. */
    static final class SteppingClock extends Clock {
        Instant now;

        SteppingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void anIncidentWithPhaseOneDoneAndPhaseTwoRunning() throws Exception {
        Plan plan = new PlanLoader().loadBundledSeed().plan();
        String text;
        try (InputStream in = getClass().getResourceAsStream("/plans/issue-324-330-coordination.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        IncidentStore store = new IncidentStore(home, clock);
        try (Incident incident = store.create(plan, "bundled", text, "ana")) {
            folder = incident.directory();
            at(5, incident, new EventPayload.SignOffGiven("approve-p330-1", "Incident lead", null));
            at(10, incident, new EventPayload.PhaseStarted("p330-1"));
            at(30, incident, new EventPayload.TestResultSet("t330-p1", "t330-p1.check-1", null, TestOutcome.PASS, null));
            at(59, incident, new EventPayload.GateOverridden("p330-1", "verification", "the other checks run tomorrow"));
            at(60, incident, new EventPayload.PhaseCompleted("p330-1", List.of()));
            at(70, incident, new EventPayload.PhaseStarted("p330-2"));
            at(75, incident, new EventPayload.TestResultSet("t330-p2", "t330-p2.check-3", null, TestOutcome.FAIL,
                    "Azure callback 500"));
        }
        clock.now = START.plus(Duration.ofMinutes(100));
    }

    private void at(long minutes, Incident incident, EventPayload payload) {
        clock.now = START.plus(Duration.ofMinutes(minutes));
        incident.record(payload);
    }

    private int run(String... args) {
        picocli.CommandLine cli = new picocli.CommandLine(new ReportCommand(clock));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    @Test
    void anUpdateGoesToStandardOutputForTheCadenceDueSoonest() {
        assertThat(run(folder.toString(), "--kind", "update")).as(err.toString()).isZero();
        String update = out.toString();
        assertThat(update).contains("**As of:** 2026-01-29 10:40 UTC");
        assertThat(update).contains("for GitHub issue #330");
        assertThat(update).contains("- #330 1: Emergency N+1 Fixes: completed 2026-01-29 10:00 UTC");
        assertThat(update).contains("- FAIL p330-2 · Phase 2 Testing › Microsoft Azure OAuth works: Azure callback 500");
        assertThat(update).contains("**Source:** no metric source");
    }

    @Test
    void theCadenceCanBeNamedAndAnUnknownOneIsRefused() {
        assertThat(run(folder.toString(), "--kind", "update", "--cadence", "emergency-stakeholders")).isZero();
        assertThat(out.toString()).contains("for Stakeholders: Stakeholder updates during #330 emergency");

        assertThat(run(folder.toString(), "--kind", "update", "--cadence", "nope")).isEqualTo(ReportCommand.USAGE);
        assertThat(err.toString()).contains("--cadence nope: the plan has no such cadence; its cadences: "
                + "[emergency-stakeholders, cleanup-324-stakeholders, github-330, github-324]");
    }

    @Test
    void aPostmortemWithSimulatedMetricsIsWrittenAsHtml() throws Exception {
        Path file = Files.createDirectory(home.resolve("out")).resolve("pir.html");
        assertThat(run(folder.toString(), "--kind", "postmortem", "--simulated-metrics", "-o", file.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote " + file);
        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<section id=\"lessons\">")
                .contains("simulated (seed 1)").contains("<img src=\"data:image/png;base64,");
    }

    @Test
    void metricsFromAFileWithABadLineReportTheLineAndKeepTheRest() throws Exception {
        Path metrics = home.resolve("metrics.csv");
        Files.writeString(metrics, """
                timestamp,metric,value
                2026-01-29T09:00:00Z,convex_calls,3200000
                2026-01-29T09:30:00Z,convex_calls,not-a-number
                2026-01-29T10:30:00Z,convex_calls,2600000
                """);
        assertThat(run(folder.toString(), "--kind", "postmortem", "--metrics-file", metrics.toString(),
                "--format", "markdown")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("| Convex function calls | calls/day | 3.2M | 3.2M | 2.6M | −18.8% | 1M | no |");
        assertThat(err.toString()).contains("skipped: " + metrics + ":3: ");
    }

    @Test
    void aMissingMetricsFileOrIncidentSaysWhich() {
        assertThat(run(folder.toString(), "--kind", "update", "--metrics-file", home.resolve("none.csv").toString()))
                .isEqualTo(ReportCommand.USAGE);
        assertThat(err.toString()).contains("none.csv: no such metrics file");

        assertThat(run(home.resolve("nothing").toString(), "--kind", "postmortem"))
                .isEqualTo(ReportCommand.INCIDENT_PROBLEM);
        assertThat(err.toString()).contains("is not an incident folder");
    }

    @Test
    void theFileAndTheSimulatorCannotBothBeChosen() {
        assertThat(run(folder.toString(), "--kind", "update", "--simulated-metrics", "--metrics-file", "x.csv"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }
}
