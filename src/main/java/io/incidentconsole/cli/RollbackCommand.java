package io.incidentconsole.cli;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.rollback.FieldProblem;
import io.incidentconsole.rollback.FieldState;
import io.incidentconsole.rollback.GeneratedScript;
import io.incidentconsole.rollback.RollbackForm;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.rollback.ScriptContext;
import io.incidentconsole.rollback.ScriptGenerator;
import io.incidentconsole.rollback.ScriptMode;
import io.incidentconsole.rollback.ScriptRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Print the rollback script of a runbook procedure, values filled in and quoted.",
                "Exit 0 with the script on stdout; 1 when the plan does not load; 2 when the runbook is unknown "
                        + "or a value is missing or invalid (the message names the parameter and its rule)."})
final class RollbackCommand implements Callable<Integer> {

    static final int PLAN_PROBLEM = 1;
    static final int USAGE = 2;

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML or JSON).")
    Path plan;

    @Parameters(index = "1", paramLabel = "RUNBOOK_ID",
            description = "A procedure id, or a runbook id when the runbook has one procedure.")
    String runbookId;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "A parameter value (repeatable); the value may contain anything but control characters.")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--operator", paramLabel = "NAME", description = "Who runs the rollback, for the header.")
    String operator;

    @Option(names = "--incident", paramLabel = "ID", description = "The incident, for the header.")
    String incident;

    @Option(names = "--dry-run", description = "Print each command instead of running it.")
    boolean dryRun;

    RollbackCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PlanLoadResult loaded = new PlanLoader().load(plan);
        if (!loaded.ok()) {
            loaded.problems().forEach(err::println);
            err.println(plan + ": the plan does not load; fix it first (see 'validate')");
            return PLAN_PROBLEM;
        }
        Plan loadedPlan = loaded.plan();
        RollbackTarget.Resolution resolution = RollbackTarget.resolve(loadedPlan, runbookId);
        if (!resolution.found()) {
            err.println(resolution.error());
            return USAGE;
        }
        RollbackTarget target = resolution.target().orElseThrow();
        RollbackForm form = RollbackForm.open(target.runbook(), target.procedure(), Map.of());
        List<String> errors = new ArrayList<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                errors.add("--set " + assignment + ": expected NAME=VALUE");
                continue;
            }
            String name = assignment.substring(0, equals);
            if (form.field(name).isEmpty()) {
                errors.add("--set " + name + ": procedure '" + target.procedure().id() + "' has no parameter '"
                        + name + "'; its parameters: " + form.fields().stream().map(FieldState::name).toList());
                continue;
            }
            form = form.with(name, assignment.substring(equals + 1));
        }
        if (!errors.isEmpty()) {
            errors.forEach(err::println);
            return USAGE;
        }
        try {
            ScriptContext context = new ScriptContext(incident, null, loadedPlan.plan().title(), operatorName(),
                    clock.instant());
            GeneratedScript script = new ScriptGenerator().generate(context, form,
                    dryRun ? ScriptMode.DRY_RUN : ScriptMode.EXECUTE);
            spec.commandLine().getOut().print(script.text());
            return 0;
        } catch (ScriptRefusedException e) {
            for (FieldProblem problem : e.problems()) {
                err.println(problem.parameter() == null ? problem.message() : "parameter " + problem.message());
            }
            err.println("no script generated: set the values with --set NAME=VALUE");
            return USAGE;
        }
    }

    private String operatorName() {
        return operator != null ? operator : System.getProperty("user.name");
    }
}
