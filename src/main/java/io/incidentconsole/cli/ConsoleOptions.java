package io.incidentconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of every verb that opens the console: where incidents are kept, the metrics, the team database. */
final class ConsoleOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where incidents are kept (default: $XDG_DATA_HOME/incident-console).")
    Path dataDir;

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Mixin
    TeamOptions team = new TeamOptions();

    /** What to open, after checking the options so a typo fails here, with a message, instead of in the window. */
    StartRequest request(CommandLine commandLine, Path plan) {
        return team.apply(commandLine, metrics.request(commandLine, plan, dataDir));
    }
}
