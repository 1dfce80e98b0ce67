package io.incidentconsole.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * What the console should open: a plan file, or the bundled plan when {@code plan} is null.
 * {@code rawArgs} are the arguments as given, so the console can re-read them in its own process.
 * Metrics: a Prometheus server (and the name of the environment variable holding its token) and/or a metrics
 * file; all null means the console plays simulated numbers.
 */
public record StartRequest(Path plan, Path dataDir, List<String> rawArgs, String prometheusUrl,
                           String prometheusTokenEnv, Path metricsFile) {
    public StartRequest {
        rawArgs = List.copyOf(rawArgs);
    }

    public StartRequest(Path plan, Path dataDir, List<String> rawArgs) {
        this(plan, dataDir, rawArgs, null, null, null);
    }
}
