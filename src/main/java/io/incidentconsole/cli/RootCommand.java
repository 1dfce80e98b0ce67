package io.incidentconsole.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "incident-console",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"The operator console for running an outage coordination plan.",
                "With no subcommand, opens the console on the bundled plan."})
final class RootCommand implements Callable<Integer> {

    private final ConsoleStarter starter;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN",
            description = "A plan file to open (as 'open PLAN'); lets the desktop open a plan file by double-click.")
    Path plan;

    @Mixin
    ConsoleOptions options = new ConsoleOptions();

    @Spec
    CommandSpec spec;

    RootCommand(ConsoleStarter starter) {
        this.starter = starter;
    }

    @Override
    public Integer call() {
        return starter.start(options.request(spec.commandLine(), plan));
    }
}
