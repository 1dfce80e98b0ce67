package io.incidentconsole.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<StartRequest> started = new ArrayList<>();

    private int run(String... args) {
        return Cli.run(request -> {
            started.add(request);
            return 0;
        }, new PrintWriter(out), new PrintWriter(err), args);
    }

    private static Path plan(String name) throws URISyntaxException {
        return Path.of(CliTest.class.getResource("/plans/" + name).toURI());
    }

    @Test
    void noArgumentsOpensTheConsoleOnTheBundledPlan() {
        assertThat(run()).isZero();
        assertThat(started).singleElement().satisfies(r -> assertThat(r.plan()).isNull());
    }

    @Test
    void openPassesThePlanAndDataDirectory() {
        assertThat(run("open", "my-plan.yaml", "--data-dir", "/tmp/incidents")).isZero();
        assertThat(started).singleElement().satisfies(r -> {
            assertThat(r.plan()).isEqualTo(Path.of("my-plan.yaml"));
            assertThat(r.dataDir()).isEqualTo(Path.of("/tmp/incidents"));
        });
    }

    @Test
    void validatePrintsAOneLineSummaryForAValidPlan() throws Exception {
        assertThat(run("validate", plan("small-plan.yaml").toString())).isZero();
        assertThat(out.toString()).contains("valid: Payment Gateway Timeout Plan: 2 issues, 2 phases, "
                + "3 tests (2 checks, 1 test cases), 1 runbooks (1 procedures), 1 metrics");
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(err.toString()).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void validateListsEveryProblemAsFileLineColumnOnStderr(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                plan: {title: Bad}
                phases:
                  - id: a
                    name: A
                    optional: maybe
                  - id: a
                    name: Again
                """);
        assertThat(run("validate", bad.toString())).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(bad + ":5:")
                .endsWith(": phases[0].optional: expected true or false, found text 'maybe'"));
        assertThat(lines).last().asString().matches("\\d+ problems?");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validateOfAMissingFileSaysSo() {
        assertThat(run("validate", "/no/such/plan.yaml")).isEqualTo(1);
        assertThat(err.toString()).contains("/no/such/plan.yaml: no such file");
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Incident Console ");
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("open", "validate");
    }
}
