package io.incidentconsole.cli;

import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a plan file.",
                "Exit 0 with a one-line summary, or 1 with every problem as file:line:column: message on stderr."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML or JSON).")
    Path plan;

    @Override
    public Integer call() {
        PlanLoadResult result = new PlanLoader().load(plan);
        if (result.ok()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(plan + ": valid: " + result.plan().plan().title() + ": " + result.plan().summary());
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        result.problems().forEach(err::println);
        err.println(result.problems().size() + (result.problems().size() == 1 ? " problem" : " problems"));
        return 1;
    }
}
