package io.incidentconsole.app;

import io.incidentconsole.cli.StartRequest;
import io.incidentconsole.metrics.MetricsSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The console process receives the metrics options as named JavaFX parameters and turns them into settings. */
class LauncherTest {

    @Test
    void metricsOptionsSurviveTheTripToTheApplication() {
        List<String> args = Launcher.toArguments(new StartRequest(null, null, List.of(), "http://127.0.0.1:9090",
                "PROM_TOKEN", Path.of("/var/tmp/samples.csv")));
        assertThat(args).containsExactly("--prometheus=http://127.0.0.1:9090", "--prometheus-token-env=PROM_TOKEN",
                "--metrics-file=/var/tmp/samples.csv");

        MetricsSettings settings = ConsoleApplication.metricsSettings(Map.of("prometheus", "http://127.0.0.1:9090",
                "prometheus-token-env", "PROM_TOKEN", "metrics-file", "/var/tmp/samples.csv"));
        assertThat(settings.prometheusUrl()).contains("http://127.0.0.1:9090");
        assertThat(settings.tokenVariable()).contains("PROM_TOKEN");
        assertThat(settings.metricsFile()).contains(Path.of("/var/tmp/samples.csv"));
        assertThat(settings.usesRealSources()).isTrue();
    }

    @Test
    void withoutMetricsOptionsTheConsoleSimulates() {
        assertThat(Launcher.toArguments(new StartRequest(null, null, List.of()))).isEmpty();
        MetricsSettings settings = ConsoleApplication.metricsSettings(Map.of());
        assertThat(settings.usesRealSources()).isFalse();
        assertThat(settings.prometheusUrl()).isEqualTo(Optional.empty());
    }
}
