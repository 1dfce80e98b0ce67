package io.incidentconsole.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the console on a plan file (YAML or JSON).")
final class OpenCommand implements Callable<Integer> {

    private final ConsoleStarter starter;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file.")
    Path plan;

    @Mixin
    ConsoleOptions options = new ConsoleOptions();

    @Spec
    CommandSpec spec;

    OpenCommand(ConsoleStarter starter) {
        this.starter = starter;
    }

    @Override
    public Integer call() {
        return starter.start(options.request(spec.commandLine(), plan));
    }
}
