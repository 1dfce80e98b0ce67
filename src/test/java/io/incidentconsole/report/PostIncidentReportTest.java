package io.incidentconsole.report;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PostIncidentReportTest {

    private static final String NASTY_NOTE = "<script>alert('x')</script> & \"quotes\"";

    private final IncidentScript script = new IncidentScript();

    private IncidentState wholeIncident() {
        script.atMinute(5, new EventPayload.SignOffGiven("approve-p330-1", "lead", "go ahead"));
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        script.atMinute(30, new EventPayload.TestResultSet("t330-p1", "t330-p1.check-1", null, TestOutcome.PASS, null),
                new EventPayload.TestResultSet("t330-p1", "t330-p1.check-5", null, TestOutcome.FAIL, "names blank"));
        script.atMinute(60, new EventPayload.PhaseCompleted("p330-1", List.of()));
        script.atMinute(70, new EventPayload.PhaseStarted("p330-2"));
        script.atMinute(80, new EventPayload.AlertFired("convex-900k", "convex_calls", 950_000.0, "above 900K"),
                new EventPayload.AlertAcknowledged("convex-900k", "expected during deploy"));
        script.atMinute(85, new EventPayload.CommandGenerated("rb330-phase2", "feedface00112233", "npm install \\\n  x"),
                new EventPayload.RollbackStarted("rb330", "rb330-phase2", "adapter errors"),
                new EventPayload.ScriptRun("rb330-phase2", "feedface00112233", 1, "npm ERR!"));
        script.atMinute(88, new EventPayload.RollbackFinished("rb330", "rb330-phase2", true, "back on 1.3.34"));
        script.atMinute(90, new EventPayload.DecisionTaken("schema-cleanup",
                List.of(new EventPayload.Answer("audit-null", "Yes: userId is null for all users"),
                        new EventPayload.Answer("cli-safe", "Yes: the CLI won't regenerate the field")), "proceed"));
        script.atMinute(95, new EventPayload.NoteAdded("p330-2", NASTY_NOTE));
        script.atMinute(100, new EventPayload.UpdatePublished("emergency-stakeholders", "Stakeholders", "u1"));
        script.atMinute(120, new EventPayload.PhaseCompleted("p330-2", List.of()));
        return script.state();
    }

    @Test
    void theMarkdownRecordsEveryPartOfTheIncident() {
        IncidentState state = wholeIncident();
        String md = PostIncidentReport.markdown(state, SimulatedMetricHistory.replay(state, 7, script.minute(120)),
                script.minute(130));

        assertThat(md).startsWith("# Post-incident report: Issues #324 and #330\n");
        for (String heading : List.of("## Summary", "## Timeline", "## Decisions and outcomes",
                "## Commands generated and run", "## Test results per phase", "## Metrics before and after",
                "## Alerts", "## Stakeholder updates sent", "## Sign-offs", "## Operator notes",
                "## Lessons learned")) {
            assertThat(md).contains("\n" + heading + "\n");
        }
        assertThat(md).contains("**Phases:** 2 of 7 complete");
        assertThat(md).contains("**Tests:** 1 passed, 1 failed (latest result of each test)");
        assertThat(md).contains("**Commands:** 1 generated, 1 run");
        assertThat(md).contains("**Decisions:** 1; rollbacks: 1; alerts fired: 1");
        assertThat(md).contains("(incident ran 2 h 0 min)");
        assertThat(md).contains("| 1 | 2026-01-29 09:00:00 | ana | IncidentStarted |");
        assertThat(md).contains("Schema cleanup decision → PROCEED with schema cleanup (Does the audit show userId "
                + "is null for all users? Yes: userId is null for all users;");
        assertThat(md).contains("rollback #330 Rollback Strategy (reason: adapter errors): succeeded 2026-01-29 "
                + "10:28 UTC; back on 1.3.34");
        assertThat(md).contains("| 2026-01-29 10:25:00 | run | rb330-phase2 (#330 Rollback Strategy › If Phase 2 "
                + "(Package Update) Causes Issues) | feedface00112233 | 1 | ana |");
        assertThat(md).contains("```bash\nnpm install \\\n  x\n```");
        assertThat(md).contains("### #330 1: Emergency N+1 Fixes: 1 passed, 1 failed, 4 not run (of 6)");
        assertThat(md).contains("| Phase 1 Testing | Coach names display in voice notes | FAIL | names blank |");
        assertThat(md).contains("| Convex function calls | calls/day | 3.2M |");
        assertThat(md).contains("SIMULATED values");
        assertThat(md).contains("convex-900k: still firing at the end, acknowledged by ana at 2026-01-29 10:20 UTC (expected during deploy)");
        assertThat(md).contains("| Approval to begin #330 Phase 1 | #330 1: Emergency N+1 Fixes | ana | lead |");
        assertThat(md).contains("### What Went Wrong\n\n#### userId Field Confusion\n\n_To complete_\n\n"
                + "#### Performance Monitoring Gap\n\n_To complete_");
        assertThat(md).contains("### Process Improvements\n\n#### Code Review Checklist\n\n_To complete_\n\n"
                + "#### Monitoring\n\n_To complete_\n\n#### Documentation\n\n_To complete_");
        assertThat(md).contains("\\<script\\>alert('x')\\</script\\>");
        assertThat(md).doesNotContain("<script>");
    }

    @Test
    void theHtmlIsStandaloneWithEverySectionChartsAsPngAndNoUnescapedUserText() throws Exception {
        IncidentState state = wholeIncident();
        String html = PostIncidentReport.html(state, SimulatedMetricHistory.replay(state, 7, script.minute(120)),
                script.minute(130));

        Path samples = Path.of(System.getProperty("screenshots.dir", "target/screenshots")).resolveSibling("reports");
        Files.createDirectories(samples);
        Files.writeString(samples.resolve("post-incident-report.html"), html);

        assertThat(html).startsWith("<!DOCTYPE html>");
        for (String section : PostIncidentReport.SECTIONS) {
            assertThat(html).contains("<section id=\"" + section + "\">");
        }
        assertThat(count(html, "<section")).isEqualTo(count(html, "</section>"))
                .isEqualTo(PostIncidentReport.SECTIONS.size());
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("<link");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");

        Matcher images = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]*)\"")
                .matcher(html);
        List<String> alts = new ArrayList<>();
        while (images.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            assertThat(image).as(images.group(2)).isNotNull();
            assertThat(image.getWidth()).isEqualTo(MetricChart.WIDTH);
            assertThat(image.getHeight()).isEqualTo(MetricChart.HEIGHT);
            assertThat(distinctColours(image)).as("a drawn chart, not a blank image").isGreaterThan(20);
            alts.add(images.group(2));
        }
        assertThat(alts).hasSize(state.plan().metrics().size())
                .contains("Convex function calls (simulated)");
    }

    @Test
    void aMarkdownFileGetsItsChartsInAFolderBesideIt(@TempDir Path dir) throws Exception {
        IncidentState state = wholeIncident();
        ReportDocument document = PostIncidentReport.document(state,
                SimulatedMetricHistory.replay(state, 7, script.minute(120)), script.minute(130));
        List<Path> written = ReportFiles.write(document, dir.resolve("pir.md"), ReportFormat.MARKDOWN, false);

        assertThat(written).hasSize(1 + state.plan().metrics().size());
        String md = Files.readString(dir.resolve("pir.md"));
        assertThat(md).contains("![Convex function calls (simulated)](pir-charts/chart-convex_calls.png)");
        BufferedImage chart = ImageIO.read(dir.resolve("pir-charts/chart-convex_calls.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(MetricChart.WIDTH);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("pir.md", "pir-charts");
        }
    }

    @Test
    void lessonHeadingsComeFromMarkdownHeadingsAndBoldLeadLines() {
        assertThat(PostIncidentReport.lessonHeadings("""
                _intro_

                1. **First Thing:**
                   - detail with **bold** inside
                **Second:**
                ### Third ###
                - **Fourth**
                plain text
                """)).containsExactly("First Thing", "Second", "Third", "Fourth");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void theSummaryListsEveryPhaseInTheLifecyclesWords() {
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        script.atMinute(60, new EventPayload.PhaseCompleted("p330-1", List.of()));
        script.atMinute(70, new EventPayload.PhaseStarted("p330-2"));
        script.atMinute(85, new EventPayload.RollbackStarted("rb330", "rb330-phase2", "adapter errors", "p330-2"));
        script.atMinute(88, new EventPayload.RollbackFinished("rb330", "rb330-phase2", true, "done by hand",
                "p330-2"));
        IncidentState state = script.state();

        String md = PostIncidentReport.markdown(state, SimulatedMetricHistory.replay(state, 7, script.minute(90)),
                script.minute(90));

        assertThat(md).contains("**Phases:** 1 of 7 complete (1 unverified), 1 rolled back");
        assertThat(md).contains("| #330 1: Emergency N+1 Fixes | COMPLETE (unverified) | 2026-01-29 09:10 UTC "
                + "| 2026-01-29 10:00 UTC |");
        assertThat(md).contains("| #330 2: Package Updates | ROLLED BACK | 2026-01-29 10:10 UTC | — |");
    }
}
