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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, finding 5: {@code -o} never destroys data, the same way in every command. */
class OutputFileCommandsTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path folder;

    private int run(String... args) {
        return Cli.run(request -> 0, new PrintWriter(out), new PrintWriter(err), args);
    }

    @BeforeEach
    void anIncident() throws Exception {
        PlanLoader loader = new PlanLoader();
        String text = loader.bundledSeedText();
        Plan plan = loader.load("seed.yaml", text).plan();
        try (Incident incident = new IncidentStore(home).create(plan, "seed.yaml", text, "ana")) {
            incident.record(new EventPayload.TestResultSet("t330-p2", "t330-p2.check-2", "p330-2", TestOutcome.FAIL,
                    "broken"));
            folder = incident.directory();
        }
    }

    private Path journal() throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
    }

    @Test
    void testsMayNotOverwriteTheIncidentsOwnJournal() throws Exception {
        Path journal = journal();
        byte[] before = Files.readAllBytes(journal);

        for (String[] extra : new String[][] {{}, {"--force"}}) {
            String[] args = concat(new String[] {"tests", folder.toString(), "--format", "junit", "-o", journal.toString()},
                    extra);
            assertThat(run(args)).isEqualTo(1);
        }

        assertThat(err.toString()).contains(journal + ": is inside the incident folder");
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
    }

    @Test
    void aHandoffMayNotOverwriteTheIncidentsOwnJournal() throws Exception {
        Path journal = journal();
        byte[] before = Files.readAllBytes(journal);

        for (String[] extra : new String[][] {{}, {"--force"}}) {
            assertThat(run(concat(new String[] {"handoff", folder.toString(), "-o", journal.toString()}, extra)))
                    .isEqualTo(1);
        }

        assertThat(err.toString()).contains(journal + ": is inside the incident folder");
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
    }

    @Test
    void importNeverWritesOverItsOwnMarkdown() throws Exception {
        Path markdown = Files.writeString(home.resolve("a.md"), "# Plan\n\n## Phase 1: Fix\n\n- [ ] do it\n");

        assertThat(run("import", markdown.toString(), "-o", markdown.toString())).isEqualTo(1);
        assertThat(run("import", markdown.toString(), "-o", markdown.toString(), "--force")).isEqualTo(1);

        assertThat(err.toString()).contains(markdown + ": is the input " + markdown + " itself");
        assertThat(Files.readString(markdown)).startsWith("# Plan");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForceInEveryCommand() throws Exception {
        Path markdown = Files.writeString(home.resolve("a.md"), "# Plan\n\n## Phase 1: Fix\n\n- [ ] do it\n");
        Path existing = Files.writeString(home.resolve("existing.txt"), "precious");
        String[][] commands = {
                {"tests", folder.toString(), "-o", existing.toString()},
                {"import", markdown.toString(), "-o", existing.toString()},
                {"report", folder.toString(), "--kind", "update", "--format", "html", "-o", existing.toString()},
                {"handoff", folder.toString(), "-o", existing.toString()},
        };
        for (String[] command : commands) {
            assertThat(run(command)).as(String.join(" ", command)).isEqualTo(1);
            assertThat(Files.readString(existing)).isEqualTo("precious");
        }
        assertThat(err.toString().lines().filter(l -> l.equals(existing + ": already exists; use --force to replace it")))
                .hasSize(4);
        for (String[] command : commands) {
            assertThat(run(concat(command, new String[] {"--force"}))).as(String.join(" ", command)).isZero();
            assertThat(Files.readString(existing)).isNotEqualTo("precious");
            Files.writeString(existing, "precious");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
