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
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestsCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path folder;

    private int run(String... args) {
        return Cli.run(request -> 0, new PrintWriter(out), new PrintWriter(err), args);
    }

    @BeforeEach
    void anIncidentWithResults() throws Exception {
        String text;
        try (var in = PlanLoader.class.getResourceAsStream("/plans/issue-324-330-coordination.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Plan plan = new PlanLoader().load("seed.yaml", text).plan();
        IncidentStore store = new IncidentStore(home);
        try (Incident incident = store.create(plan, "seed.yaml", text, "ana")) {
            incident.record(new EventPayload.TestResultSet("t330-p2", "t330-p2.check-1", "p330-2", TestOutcome.PASS, null));
            incident.record(new EventPayload.TestResultSet("t330-p2", "t330-p2.check-2", "p330-2", TestOutcome.FAIL,
                    "callback <500> & retry"));
            folder = incident.directory();
        }
    }

    @Test
    void markdownGoesToStdoutByDefault() {
        assertThat(run("tests", folder.toString())).isZero();
        assertThat(out.toString()).startsWith("# Test results: ")
                .contains("Phase 2: Package Updates (1/7 passed, 1 failed)",
                        "| 2 | Google OAuth works | FAIL | callback &lt;500&gt; &amp; retry | ana |");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void junitGoesToAFileAndReadsBack() throws Exception {
        Path file = Files.createDirectory(home.resolve("out")).resolve("results.xml");
        byte[] journalBefore = journalBytes();
        assertThat(run("tests", folder.toString(), "--format", "junit", "-o", file.toString())).isZero();
        assertThat(out.toString()).contains("Wrote junit test results to " + file);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(file))));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("testsuites");
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(Files.readString(file)).contains("message=\"callback &lt;500&gt; &amp; retry\"");
        assertThat(journalBytes()).as("inspection changes nothing").isEqualTo(journalBefore);
    }

    @Test
    void aFolderThatIsNotAnIncidentIsAClearError() {
        assertThat(run("tests", home.toString(), "--format", "markdown")).isEqualTo(1);
        assertThat(err.toString()).contains(home + " is not an incident folder");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("tests", folder.toString(), "--format", "html")).isEqualTo(2);
        assertThat(err.toString()).contains("--format", "MARKDOWN", "JUNIT");
    }

    private byte[] journalBytes() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            Path journal = files.filter(p -> p.getFileName().toString().startsWith("journal")).findFirst().orElseThrow();
            return Files.readAllBytes(journal);
        }
    }
}
