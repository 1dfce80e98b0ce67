package io.incidentconsole.rollback;

import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-27T08:30:00Z");
    static final ScriptContext CONTEXT = new ScriptContext("INC-7", "Auth outage", "Issues #324 & #330",
            "alice", NOW);

    private Fixtures() {
    }

    static Path seedRunbooksFile() {
        try {
            return Path.of(Fixtures.class.getResource("/rollback/seed-runbooks.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Plan seedRunbooks() {
        PlanLoadResult result = new PlanLoader().load(seedRunbooksFile());
        if (!result.ok()) {
            throw new AssertionError("fixture does not load: " + result.problems());
        }
        return result.plan();
    }

    static RollbackTarget target(Plan plan, String id) {
        return RollbackTarget.resolve(plan, id).target().orElseThrow();
    }

    static RollbackForm form(String procedureId) {
        RollbackTarget target = target(seedRunbooks(), procedureId);
        return RollbackForm.open(target.runbook(), target.procedure(), Map.of());
    }

    /**
     * A one-procedure runbook whose steps are the given command templates, each over optional TEXT parameters
     * that allow options (these fixtures test quoting, so any text must reach the command).
     */
    static RollbackForm textForm(List<String> names, List<String> commands) {
        List<Parameter> parameters = new ArrayList<>();
        for (String name : names) {
            parameters.add(new Parameter(name, ParameterType.TEXT, null, null, false, null, true));
        }
        List<ProcedureStep> steps = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            steps.add(new ProcedureStep("s" + i, null, commands.get(i), false));
        }
        Procedure procedure = new Procedure("proc", "Test procedure", List.of(), steps);
        Runbook runbook = new Runbook("rb", "Test runbook", null, List.of(), parameters, List.of(procedure));
        return RollbackForm.open(runbook, procedure, Map.of());
    }
}
