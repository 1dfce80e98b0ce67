package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code status} and {@code timeline} on a real incident folder. */
class IncidentCommandsTest {

    @TempDir
    Path data;

    private Path incidentDir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void createIncident() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/journal/small-plan.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PlanLoadResult loaded = new PlanLoader().load("small-plan.yaml", text);
        Plan plan = loaded.plan();
        IncidentStore store = new IncidentStore(data, Clock.fixed(Instant.parse("2026-11-27T08:10:22Z"), ZoneOffset.UTC));
        try (Incident incident = store.create(plan, "small-plan.yaml", text, "ana")) {
            incidentDir = incident.directory();
            incident.record(new EventPayload.PhaseStarted("backup"));
            incident.record(new EventPayload.TaskTicked("backup", "backup.task-1"));
            incident.record(new EventPayload.PhaseCompleted("backup", List.of("off-site copy running")));
            incident.record(new EventPayload.PhaseStarted("migrate"));
            incident.record(new EventPayload.TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.PASS, null));
            incident.record(new EventPayload.TestResultSet("smoke", "smoke.checkout", null, TestOutcome.FAIL,
                    "card declined"));
            incident.record(new EventPayload.AlertFired("error-rate-high", "error-rate", 3.5, "above 2%"));
            incident.record(new EventPayload.AlertFired("latency", "latency", 900.0, "slow"));
            incident.record(new EventPayload.AlertAcknowledged("latency", "known"));
            incident.record(new EventPayload.ParameterEntered("commit", "4f2a9c1", null));
            incident.record(new EventPayload.NoteAdded("migrate", "DBA joined"));
        }
    }

    private int run(String... args) {
        return Cli.run(request -> 99, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void statusPrintsPhasesTasksTestsOpenAlertsAndTheLastEvent() {
        assertThat(run("status", incidentDir.toString())).isEqualTo(0);
        String text = out.toString();
        assertThat(text).startsWith("Incident " + incidentDir.getFileName() + ": Database migration drill\n"
                + "Started 2026-11-27 08:10:22 UTC by ana; plan sha256 ");
        assertThat(text).contains("12 events\n");
        assertThat(text).contains("Open alerts: 1\n  ! error-rate-high fired 2026-11-27 08:10:22 UTC (error-rate = 3.5), "
                + "still firing, not acknowledged: above 2%\n");
        assertThat(text).contains("  1: Backup [backup]: COMPLETE; started 2026-11-27 08:10:22 UTC; completed 2026-11-27 08:10:22 UTC\n"
                + "    completed with open items: off-site copy running\n"
                + "    tasks 1/2 ticked:\n"
                + "      [x] Take a snapshot of the orders database\n"
                + "      [ ] Copy the snapshot off-site\n");
        assertThat(text).contains("  2: Migrate [migrate]: IN PROGRESS");
        assertThat(text).contains("    tests 2/3 with a result:\n"
                + "      PASS    Login works\n"
                + "      -       Orders page loads\n"
                + "      FAIL    Checkout — card declined\n");
        assertThat(text).contains("  3: Cleanup [cleanup]: PENDING\n");
        assertThat(text).contains("Parameters:\n  commit = 4f2a9c1\n");
        assertThat(text).endsWith("Last event: #12 2026-11-27 08:10:22 UTC ana NoteAdded: Note on 2: Migrate: DBA joined\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void statusCountsAClearedButUnacknowledgedAlertAsOpenLikeTheBannerDoes() throws IOException {
        IncidentStore store = new IncidentStore(data, Clock.fixed(Instant.parse("2026-11-27T08:12:05Z"), ZoneOffset.UTC));
        try (Incident incident = store.open(incidentDir.getFileName().toString(), "ana")) {
            incident.record(new EventPayload.AlertCleared("error-rate-high", "error-rate", 1.687080459770114,
                    "back within 2%"));
            incident.record(new EventPayload.AlertCleared("latency", "latency", 250.0, "fast again"));
        }

        assertThat(run("status", incidentDir.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("Open alerts: 1\n  ! error-rate-high fired 2026-11-27 08:10:22 UTC "
                + "(error-rate = 3.5), cleared 2026-11-27 08:12:05 UTC at 1.69, not acknowledged: above 2%\n");
        assertThat(out.toString()).endsWith("Last event: #14 2026-11-27 08:12:05 UTC ana AlertCleared: "
                + "Alert latency cleared (latency = 250): fast again\n");
    }

    @Test
    void statusWarnsAboutATornLineAndStillPrintsTheState() throws IOException {
        Files.writeString(incidentDir.resolve("journal-0001.jsonl"), "{\"seq\":13,\"id\"", StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(incidentDir.resolve("journal-0001.jsonl"));
        assertThat(run("status", incidentDir.toString())).isEqualTo(0);
        assertThat(err.toString()).startsWith("warning: " + incidentDir.resolve("journal-0001.jsonl")
                + ":13: the last line could not be read");
        assertThat(out.toString()).contains("12 events");
        assertThat(Files.readAllBytes(incidentDir.resolve("journal-0001.jsonl"))).isEqualTo(before);
        assertThat(incidentDir.resolve("journal-0002.jsonl")).doesNotExist();
    }

    @Test
    void aFolderThatIsNotAnIncidentGetsAClearError() {
        assertThat(run("status", data.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: " + data + " is not an incident folder (it has no incident.json)\n");
        assertThat(run("timeline", data.resolve("missing").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("missing is not an incident folder");
    }

    @Test
    void timelinePrintsEveryEventInOrder() {
        assertThat(run("timeline", incidentDir.toString())).isEqualTo(0);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).startsWith("#1 2026-11-27 08:10:22 UTC ana IncidentStarted: Started the incident from plan");
        assertThat(lines.get(2)).isEqualTo(
                "#3 2026-11-27 08:10:22 UTC ana TaskTicked: Ticked task “Take a snapshot of the orders database” (1: Backup)");
    }

    @Test
    void timelineFiltersAndExportsMarkdown() {
        assertThat(run("timeline", incidentDir.toString(), "--kind", "AlertFired,AlertAcknowledged", "--search", "latency"))
                .isEqualTo(0);
        assertThat(out.toString().lines()).extracting(l -> l.substring(0, 3)).containsExactly("#9 ", "#10");
        StringWriter fresh = new StringWriter();
        Cli.run(request -> 99, new PrintWriter(fresh), new PrintWriter(err), "timeline", incidentDir.toString(),
                "--phase", "migrate", "--markdown");
        assertThat(fresh.toString()).startsWith("# Incident timeline: Database migration drill\n\n4 events (filtered; phases: migrate)");
        assertThat(fresh.toString()).contains("| 7 | 2026-11-27 08:10:22 | ana | TestResultSet | Test “Checkout”: FAIL — card declined |");
    }

    @Test
    void timelineRejectsAKindThatDoesNotExist() {
        assertThat(run("timeline", incidentDir.toString(), "--kind", "TaskTickd")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown event kind(s): TaskTickd; known kinds: ").contains("TaskTicked");
    }
}
