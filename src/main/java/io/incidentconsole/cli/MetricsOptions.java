package io.incidentconsole.cli;

import io.incidentconsole.metrics.PrometheusSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where live metrics come from; shared by the root and {@code open} commands. Without any: simulated numbers. */
final class MetricsOptions {

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Query this Prometheus server for the plan metrics' 'source.prometheus' queries.")
    String prometheusUrl;

    @Option(names = "--prometheus-token-env", paramLabel = "NAME",
            description = "The environment variable holding a bearer token for Prometheus (the token itself is never"
                    + " passed on the command line).")
    String prometheusTokenEnv;

    @Option(names = "--metrics-file", paramLabel = "PATH",
            description = "Follow this file of samples (CSV timestamp,metric,value or JSON lines) as it grows.")
    Path metricsFile;

    /** The request, after checking the URL so a typo fails here, with a message, instead of in the window. */
    StartRequest request(CommandLine commandLine, Path plan, Path dataDir) {
        if (prometheusUrl != null) {
            try {
                PrometheusSettings.parseBaseUrl(prometheusUrl);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "--prometheus: " + e.getMessage());
            }
        }
        return new StartRequest(plan, dataDir, prometheusUrl, prometheusTokenEnv, metricsFile, null, null);
    }
}
