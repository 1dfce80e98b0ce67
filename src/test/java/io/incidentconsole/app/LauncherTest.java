package io.incidentconsole.app;

import io.incidentconsole.cli.StartRequest;
import io.incidentconsole.metrics.MetricsSettings;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The console receives the command line's request as it is and turns its metrics options into settings. */
class LauncherTest {

    @Test
    void metricsOptionsBecomeTheConsolesMetricsSettings() {
        MetricsSettings settings = ConsoleApplication.metricsSettings(new StartRequest(null, null,
                "http://127.0.0.1:9090", "PROM_TOKEN", Path.of("/var/tmp/samples.csv"), null, null));
        assertThat(settings.prometheusUrl()).contains("http://127.0.0.1:9090");
        assertThat(settings.tokenVariable()).contains("PROM_TOKEN");
        assertThat(settings.metricsFile()).contains(Path.of("/var/tmp/samples.csv"));
        assertThat(settings.usesRealSources()).isTrue();
    }

    @Test
    void withoutMetricsOptionsTheConsoleSimulates() {
        MetricsSettings settings = ConsoleApplication.metricsSettings(StartRequest.defaults());
        assertThat(settings.usesRealSources()).isFalse();
        assertThat(settings.prometheusUrl()).isEqualTo(Optional.empty());
    }

    @Test
    void noArgumentsStartTheConsoleOnTheBundledPlanAsTheCommandLineWould() {
        List<StartRequest> direct = new ArrayList<>();
        List<StartRequest> viaCli = new ArrayList<>();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);

        assertThat(Launcher.run(request -> { direct.add(request); return 0; }, out, out)).isZero();
        // The same request the root command makes with no arguments (an option forces the picocli path).
        assertThat(Launcher.run(request -> { viaCli.add(request); return 0; }, out, out, "--data-dir", "d")).isZero();

        assertThat(direct).containsExactly(StartRequest.defaults());
        assertThat(viaCli).singleElement().satisfies(request -> {
            assertThat(request.plan()).isNull();
            assertThat(request.prometheusUrl()).isNull();
            assertThat(request.metricsFile()).isNull();
            assertThat(request.dataDir().toAbsolutePath()).isEqualTo(Path.of("d").toAbsolutePath());
        });
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void argumentsStillGoThroughTheCommandLine() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);

        int code = Launcher.run(request -> { throw new AssertionError("no console for --version"); }, out, out,
                "--version");

        assertThat(code).isZero();
        assertThat(text.toString()).contains("Incident Console");
    }
}
