package io.incidentconsole.cli;

import java.nio.file.Path;

/**
 * What the console should open: a plan file, or the bundled plan when {@code plan} is null; incidents under
 * {@code dataDir}, or the user's data folder when null.
 * Metrics: a Prometheus server (and the name of the environment variable holding its token) and/or a metrics
 * file; all null means the console plays simulated numbers.
 * Team: {@code teamDatabase} (an address without secrets, as {@code TeamDatabaseAddress.text()} gives it) to join
 * the shared incident {@code teamIncident} in, or to start one from the plan when that is null; both null: local.
 * The console gets this record as it is (ADR 0014), never as re-parsed text.
 */
public record StartRequest(Path plan, Path dataDir, String prometheusUrl, String prometheusTokenEnv,
                           Path metricsFile, String teamDatabase, String teamIncident) {

    /** The bundled plan, the user's folders, simulated metrics, no team: what the desktop entry opens. */
    public static StartRequest defaults() {
        return new StartRequest(null, null, null, null, null, null, null);
    }

    /** The same request, working on a team incident. */
    public StartRequest withTeam(String database, String incident) {
        return new StartRequest(plan, dataDir, prometheusUrl, prometheusTokenEnv, metricsFile, database, incident);
    }
}
