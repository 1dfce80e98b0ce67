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
    void aBarePlanPathOpensIt() {
        assertThat(run("plan.yaml")).isZero();
        assertThat(started).singleElement().satisfies(r -> assertThat(r.plan()).isEqualTo(Path.of("plan.yaml")));
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
    void openAndTheRootCommandPassWhereMetricsComeFrom() {
        assertThat(run("open", "my-plan.yaml", "--prometheus", "http://prom.internal:9090",
                "--prometheus-token-env", "PROM_TOKEN", "--metrics-file", "samples.csv")).isZero();
        assertThat(run("--metrics-file", "other.csv")).isZero();
        assertThat(started).hasSize(2);
        assertThat(started.get(0).prometheusUrl()).isEqualTo("http://prom.internal:9090");
        assertThat(started.get(0).prometheusTokenEnv()).isEqualTo("PROM_TOKEN");
        assertThat(started.get(0).metricsFile()).isEqualTo(Path.of("samples.csv"));
        assertThat(started.get(1).plan()).isNull();
        assertThat(started.get(1).metricsFile()).isEqualTo(Path.of("other.csv"));
        assertThat(started.get(1).prometheusUrl()).isNull();
    }

    @Test
    void aPrometheusUrlWithoutSchemeIsRefusedBeforeTheConsoleOpens() {
        assertThat(run("open", "my-plan.yaml", "--prometheus", "prom.internal:9090")).isNotZero();
        assertThat(started).isEmpty();
        assertThat(err.toString()).contains("--prometheus: ");
    }

    @Test
    void validatePrintsAOneLineSummaryForAValidPlan() throws Exception {
        assertThat(run("validate", plan("small-plan.yaml").toString())).isZero();
        assertThat(out.toString()).contains("valid: Payment Gateway Timeout Plan: 2 issues, 2 phases, "
                + "3 tests (2 checks, 1 test case), 1 runbook (1 procedure), 1 metric");
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
