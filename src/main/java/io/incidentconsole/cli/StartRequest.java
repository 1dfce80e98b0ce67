package io.incidentconsole.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * What the console should open: a plan file, or the bundled plan when {@code plan} is null.
 * {@code rawArgs} are the arguments as given, so the console can re-read them in its own process.
 * Metrics: a Prometheus server (and the name of the environment variable holding its token) and/or a metrics
 * file; all null means the console plays simulated numbers.
 * Team: {@code teamDatabase} (an address without secrets, as {@code TeamDatabaseAddress.text()} gives it) to join
 * the shared incident {@code teamIncident} in, or to start one from the plan when that is null; both null: local.
 */
public record StartRequest(Path plan, Path dataDir, List<String> rawArgs, String prometheusUrl,
                           String prometheusTokenEnv, Path metricsFile, String teamDatabase, String teamIncident) {
    public StartRequest {
        rawArgs = List.copyOf(rawArgs);
    }

    public StartRequest(Path plan, Path dataDir, List<String> rawArgs, String prometheusUrl,
                        String prometheusTokenEnv, Path metricsFile) {
        this(plan, dataDir, rawArgs, prometheusUrl, prometheusTokenEnv, metricsFile, null, null);
    }

    public StartRequest(Path plan, Path dataDir, List<String> rawArgs) {
        this(plan, dataDir, rawArgs, null, null, null);
    }

    /** The same request, working on a team incident. */
    public StartRequest withTeam(String database, String incident) {
        return new StartRequest(plan, dataDir, rawArgs, prometheusUrl, prometheusTokenEnv, metricsFile, database,
                incident);
    }
}
