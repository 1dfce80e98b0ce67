package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.reports.ReportsViewModel;
import io.incidentconsole.ui.tests.TestsViewModel;
import io.incidentconsole.ui.timeline.TimelineViewModel;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.report.MetricHistory;
import io.incidentconsole.report.ReportFormat;
import io.incidentconsole.testing.ExportFormat;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hardening finding 8 in the console: the exports it writes (test results, timeline, post-incident report,
 * stakeholder update) carry the journal's damage warning in their text, as the CLI's do.
 */
class ConsoleExportsCarryWarningsTest {

    @TempDir
    Path home;

    private final PlanLoader loader = new PlanLoader();
    private final Plan plan = loader.loadBundledSeed().plan();
    private final IncidentSession session = new IncidentSession(BackgroundTasks.direct());
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private Path journal;

    @AfterEach
    void close() {
        session.close();
    }

    /** An incident whose third journal line has a flipped byte, opened in the console. */
    private void openDamaged(boolean damaged) throws Exception {
        Path folder;
        try (Incident incident = new IncidentStore(home).create(plan, PlanLoader.BUNDLED_SEED_SOURCE,
                loader.bundledSeedText(), "ana")) {
            incident.record(new EventPayload.TestResultSet("t330-p2", "t330-p2.check-1", "p330-2", TestOutcome.PASS, null));
            incident.record(new EventPayload.NoteAdded("p330-2", "looking"));
            incident.record(new EventPayload.NoteAdded("p330-2", "still looking"));
            folder = incident.directory();
        }
        journal = folder.resolve("journal-0001.jsonl");
        if (damaged) {
            byte[] bytes = Files.readAllBytes(journal);
            int start = 0;
            for (int line = 1; line < 3; line++) {
                while (bytes[start] != '\n') {
                    start++;
                }
                start++;
            }
            bytes[start + 20] ^= 0x01;
            Files.write(journal, bytes);
        }
        session.attach(IncidentStore.openFolder(folder, "ana", clock));
    }

    private String warning() {
        return journal + ":3: damaged line";
    }

    @Test
    void theTestResultsExportsCarryTheWarning() throws Exception {
        openDamaged(true);
        TestsViewModel tests = new TestsViewModel(session, new SimpleObjectProperty<>(session.incidentProperty().get()
                .plan()), BackgroundTasks.direct(), phase -> { });
        tests.activate();
        tests.export(home.resolve("results.md"), ExportFormat.MARKDOWN);
        tests.export(home.resolve("results.xml"), ExportFormat.JUNIT);
        tests.deactivate();

        assertThat(Files.readString(home.resolve("results.md"), StandardCharsets.UTF_8)).contains(warning());
        assertThat(Files.readString(home.resolve("results.xml"), StandardCharsets.UTF_8))
                .contains("<!-- warning: " + warning());
    }

    @Test
    void theTimelineExportCarriesTheWarning() throws Exception {
        openDamaged(true);
        TimelineViewModel timeline = new TimelineViewModel(session,
                new SimpleObjectProperty<>(session.incidentProperty().get().plan()), clock);
        timeline.activate();
        assertThat(timeline.exportMarkdown(home.resolve("timeline.md"))).isEmpty();
        timeline.deactivate();

        assertThat(Files.readString(home.resolve("timeline.md"), StandardCharsets.UTF_8))
                .startsWith("> **Warning:** " + warning()).contains("# Incident timeline");
    }

    @Test
    void thePostIncidentReportAndTheStakeholderUpdateCarryTheWarning() throws Exception {
        openDamaged(true);
        ReportsViewModel reports = new ReportsViewModel(session, clock, BackgroundTasks.direct(),
                state -> MetricHistory.none());
        reports.export(home.resolve("report.md"), ReportFormat.MARKDOWN);

        assertThat(reports.exportMessageProperty().get()).startsWith("Post-incident report written to");
        assertThat(Files.readString(home.resolve("report.md"), StandardCharsets.UTF_8)).contains(warning());
        assertThat(reports.composeDraft()).contains("Warning:").contains(warning());
    }

    @Test
    void aCleanJournalAddsNoWarning() throws Exception {
        openDamaged(false);
        ReportsViewModel reports = new ReportsViewModel(session, clock, BackgroundTasks.direct(),
                state -> MetricHistory.none());
        TimelineViewModel timeline = new TimelineViewModel(session,
                new SimpleObjectProperty<>(session.incidentProperty().get().plan()), clock);
        timeline.activate();

        assertThat(session.warningLines()).isEmpty();
        assertThat(reports.composeDraft()).doesNotContain("Warning:");
        assertThat(timeline.markdown()).startsWith("# Incident timeline").doesNotContain("Warning:");
        timeline.deactivate();
    }
}
