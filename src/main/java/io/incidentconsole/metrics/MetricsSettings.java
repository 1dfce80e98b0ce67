package io.incidentconsole.metrics;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the console's numbers come from, from the command line and settings: a Prometheus URL (with the name
 * of the environment variable holding its token), and/or a metrics file. With neither, the simulator plays
 * the plan's story with {@code simulatorSeed}.
 */
public record MetricsSettings(Optional<String> prometheusUrl, Optional<String> tokenVariable,
                              Optional<Path> metricsFile, long simulatorSeed) {

    public MetricsSettings {
        prometheusUrl = prometheusUrl.filter(s -> !s.isBlank());
        tokenVariable = tokenVariable.filter(s -> !s.isBlank());
    }

    public static MetricsSettings simulator(long seed) {
        return new MetricsSettings(Optional.empty(), Optional.empty(), Optional.empty(), seed);
    }

    public boolean usesRealSources() {
        return prometheusUrl.isPresent() || metricsFile.isPresent();
    }
}
