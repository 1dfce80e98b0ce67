package io.incidentconsole.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the console on a plan file (YAML or JSON).")
final class OpenCommand implements Callable<Integer> {

    private final ConsoleStarter starter;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file.")
    Path plan;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where incidents are kept (default: $XDG_DATA_HOME/incident-console).")
    Path dataDir;

    OpenCommand(ConsoleStarter starter) {
        this.starter = starter;
    }

    @Override
    public Integer call() {
        return starter.start(new StartRequest(plan, dataDir, List.of()));
    }
}
