package io.incidentconsole.cli;

import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        ConsoleStarter noConsole = request -> {
            throw new AssertionError("import must not open the console");
        };
        return Cli.run(noConsole, new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path seed() throws IOException {
        Path file = dir.resolve("PLAN.md");
        try (InputStream in = getClass().getResourceAsStream("/importer/seed-coordination-plan.md")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void printsYamlToStdoutAndTheReportToStderr() throws IOException {
        Path plan = seed();
        assertThat(run("import", plan.toString())).isZero();
        PlanLoadResult loaded = new PlanLoader().load("stdout", out.toString());
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.plan().phases()).hasSize(7);
        assertThat(err.toString())
                .contains("Import report for " + plan)
                .contains(plan + ":579: rollback procedure rb330-phase1")
                .contains("Not used as plan elements")
                .contains("imported: Issue #324 & #330 Coordination Plan: 2 issues, 7 phases");
        assertThat(out.toString()).doesNotContain("Import report");
    }

    @Test
    void aLongReportIsCutOnStderrAndWrittenWholeWithDashDashReport() throws IOException {
        String seed = Files.readString(seed());
        Path plan = dir.resolve("BIG.md");
        Files.writeString(plan, seed + "\n" + seed + "\n" + seed + "\n" + seed);
        Path yaml = dir.resolve("BIG.yaml");

        assertThat(run("import", plan.toString(), "-o", yaml.toString())).isZero();
        String shown = err.toString();
        assertThat(shown).containsPattern("Recognised \\(\\d+\\)")
                .contains("  … and ", " more (import --report FILE writes them all)\n");
        assertThat(shown.lines().filter(line -> line.startsWith("  " + plan + ":")).count())
                .isLessThanOrEqualTo(3L * ImportCommand.REPORT_LINES_PER_LIST);

        Path report = dir.resolve("BIG-report.txt");
        err.getBuffer().setLength(0);
        assertThat(run("import", plan.toString(), "-o", yaml.toString(), "--force", "--report", report.toString()))
                .isZero();
        assertThat(err.toString()).contains(" more (all in " + report + ")");
        String whole = Files.readString(report);
        assertThat(whole).doesNotContain("… and ");
        int recognised = Integer.parseInt(whole.replaceAll("(?s).*?Recognised \\((\\d+)\\).*", "$1"));
        assertThat(recognised).isGreaterThan(ImportCommand.REPORT_LINES_PER_LIST);
        assertThat(whole.lines().filter(line -> line.startsWith("  " + plan + ":")).count())
                .isGreaterThan((long) recognised);

        err.getBuffer().setLength(0);
        assertThat(run("import", plan.toString(), "-o", yaml.toString(), "--force", "--report", yaml.toString()))
                .as("the report never goes over the plan").isEqualTo(1);
        assertThat(new PlanLoader().load(yaml.toString(), Files.readString(yaml)).problems()).isEmpty();
    }

    @Test
    void writesTheYamlFileWithDashO() throws IOException {
        Path plan = seed();
        Path yaml = dir.resolve("PLAN.yaml");
        assertThat(run("import", plan.toString(), "-o", yaml.toString())).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(new PlanLoader().load(yaml).ok()).isTrue();
        assertThat(err.toString()).contains("-> " + yaml);
        // and validate accepts it
        StringWriter vout = new StringWriter();
        int code = Cli.run(r -> 0, new PrintWriter(vout), new PrintWriter(new StringWriter()), "validate", yaml.toString());
        assertThat(code).isZero();
        assertThat(vout.toString()).contains("valid");
    }

    @Test
    void aMissingFileIsAClearErrorWithExitOne() {
        Path missing = dir.resolve("nope.md");
        assertThat(run("import", missing.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(missing + ": no such file" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aDirectoryIsAClearErrorWithExitOne() {
        assertThat(run("import", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(dir + ": cannot read the file");
    }

    @Test
    void nonUtf8BytesAreReadAsLatin1AndSaidSo() throws IOException {
        Path file = dir.resolve("latin.md");
        Files.write(file, "# Caf\u00e9 plan\n\n## Phase 1: Start\n- go\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("import", file.toString())).isZero();
        assertThat(err.toString()).contains("not UTF-8 text; read it as ISO-8859-1");
        assertThat(out.toString()).contains("Café plan");
    }

    @Test
    void anUnwritableOutputIsAClearError() throws IOException {
        Path plan = seed();
        Path target = dir.resolve("no-such-dir").resolve("out.yaml");
        assertThat(run("import", plan.toString(), "-o", target.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(target + ": the folder " + target.getParent() + " does not exist");
    }

    @Test
    void aDocumentWithNothingToRunExitsOneNamingItsLargestSectionsUnlessAllowed() throws IOException {
        Path file = dir.resolve("notes.md");
        Files.writeString(file, "# Retro\n\n## What happened\n\nA long story.\n\nMore of it.\n\nAnd more.\n\n"
                + "## Impact\n\nUsers saw errors.\n\n## Links\n\n- https://example.com\n");
        assertThat(run("import", file.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains(file + ": recognised no phase, test or runbook; nothing was written")
                .contains(file + ":3-10: \"What happened\"")
                .contains("import --allow-empty " + file);
        StringWriter allowedOut = new StringWriter();
        int code = Cli.run(request -> 0, new PrintWriter(allowedOut), new PrintWriter(new StringWriter()),
                "import", "--allow-empty", file.toString());
        assertThat(code).isZero();
        assertThat(new PlanLoader().load("stdout", allowedOut.toString()).plan().notes()).isNotEmpty();
    }
}
