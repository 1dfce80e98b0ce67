package io.incidentconsole.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The checks that need the whole plan: unique ids, references that resolve, no dependency cycles,
 * command placeholders matched by declared parameters, defaults valid for their types.
 */
final class PlanValidator {

    interface Locator {
        int[] locate(String path);
    }

    private final String source;
    private final Locator locator;
    private final List<Problem> problems = new ArrayList<>();

    private final boolean commandSafety;

    /** {@code commandSafety}: also the template and option checks (not for a plan copy an incident recorded). */
    PlanValidator(String source, Locator locator, boolean commandSafety) {
        this.source = source;
        this.locator = locator;
        this.commandSafety = commandSafety;
    }

    List<Problem> validate(Plan plan) {
        Set<String> issueIds = uniqueIds("issues", plan.issues(), PlanIssue::id, "issue");
        Set<String> phaseIds = uniqueIds("phases", plan.phases(), Phase::id, "phase");
        Set<String> metricIds = uniqueIds("metrics", plan.metrics(), Metric::id, "metric");
        Set<String> runbookIds = uniqueIds("runbooks", plan.runbooks(), Runbook::id, "runbook");
        uniqueIds("testSuites", plan.testSuites(), TestSuite::id, "test suite");
        uniqueIds("alerts", plan.alerts(), AlertRule::id, "alert");
        uniqueIds("decisions", plan.decisions(), DecisionTree::id, "decision");
        uniqueIds("notes", plan.notes(), Note::id, "note");
        uniqueIds("signOff.approvals", plan.signOff().approvals(), SignOff.Approval::id, "approval");
        uniqueIds("communication.cadences", plan.communication().cadences(), Communication.Cadence::id, "cadence");
        checkItemIds(plan);

        for (int i = 0; i < plan.phases().size(); i++) {
            Phase phase = plan.phases().get(i);
            String at = "phases[" + i + "]";
            refs(at + ".issues", phase.issues(), issueIds, "issue");
            refs(at + ".dependsOn", phase.dependsOn(), phaseIds, "phase");
            for (int t = 0; t < phase.tasks().size(); t++) {
                ref(at + ".tasks[" + t + "].issue", phase.tasks().get(t).issue(), issueIds, "issue");
            }
            for (int d = 0; d < phase.dependsOn().size(); d++) {
                if (phase.dependsOn().get(d).equals(phase.id())) {
                    report(at + ".dependsOn[" + d + "]",
                            "phase '" + phase.id() + "' depends on itself, so it could never start");
                }
            }
            for (int c = 0; c < phase.successCriteria().size(); c++) {
                condition(at + ".successCriteria[" + c + "].when", phase.successCriteria().get(c).when(), metricIds);
            }
            for (int s = 0; s < phase.guidedSteps().size(); s++) {
                GuidedStep step = phase.guidedSteps().get(s);
                String stepAt = at + ".guidedSteps[" + s + "]";
                refs(stepAt + ".watch", step.watch(), metricIds, "metric");
                placeholders(stepAt, List.of(step.command() == null ? "" : step.command()),
                        List.of(stepAt + ".command"), step.parameters());
                syntax(stepAt + ".command", step.command(), step.isUnsafe());
                defaults(stepAt + ".records", step.records());
                Set<String> taskIds = new HashSet<>();
                phase.tasks().forEach(t -> taskIds.add(t.id()));
                refs(stepAt + ".tasks", step.tasks(), taskIds, "task of this phase");
            }
            if (phase.audit() != null && phase.audit().step() != null) {
                Set<String> stepIds = new HashSet<>();
                phase.guidedSteps().forEach(st -> stepIds.add(st.id()));
                ref(at + ".audit.step", phase.audit().step(), stepIds, "guided step of this phase");
            }
        }
        checkCycles(plan);

        for (int i = 0; i < plan.testSuites().size(); i++) {
            TestSuite suite = plan.testSuites().get(i);
            String at = "testSuites[" + i + "]";
            ref(at + ".issue", suite.issue(), issueIds, "issue");
            refs(at + ".phases", suite.phases(), phaseIds, "phase");
            for (int c = 0; c < suite.cases().size(); c++) {
                if (suite.cases().get(c).steps().isEmpty()) {
                    report(at + ".cases[" + c + "].steps", "a test case needs at least one step, found none");
                }
            }
        }
        checkRunbooks(plan, issueIds, phaseIds, metricIds);

        for (int i = 0; i < plan.metrics().size(); i++) {
            Metric metric = plan.metrics().get(i);
            String at = "metrics[" + i + "]";
            ref(at + ".issue", metric.issue(), issueIds, "issue");
            for (int m = 0; m < metric.milestones().size(); m++) {
                ref(at + ".milestones[" + m + "].afterPhase", metric.milestones().get(m).afterPhase(), phaseIds,
                        "phase");
            }
            if (metric.baseline() != null && metric.target() != null) {
                boolean wrongWay = metric.direction() == Direction.DOWN ? metric.target() > metric.baseline()
                        : metric.target() < metric.baseline();
                if (wrongWay) {
                    boolean down = metric.direction() == Direction.DOWN;
                    report(at + ".direction", "direction is " + metric.direction() + " (" + (down ? "lower" : "higher")
                            + " is better) but the target " + number(metric.target()) + " is "
                            + (down ? "above" : "below") + " the baseline " + number(metric.baseline())
                            + "; correct the direction, the baseline or the target");
                }
            }
        }
        for (int i = 0; i < plan.alerts().size(); i++) {
            AlertRule alert = plan.alerts().get(i);
            condition("alerts[" + i + "].when", alert.when(), metricIds);
            ref("alerts[" + i + "].runbook", alert.runbook(), runbookIds, "runbook");
        }
        checkDecisions(plan, phaseIds);
        for (int i = 0; i < plan.communication().cadences().size(); i++) {
            Communication.Cadence cadence = plan.communication().cadences().get(i);
            String at = "communication.cadences[" + i + "]";
            refs(at + ".phases", cadence.phases(), phaseIds, "phase");
            if (cadence.every() == null && !cadence.atMilestones()) {
                report(at, "a cadence needs 'every' (e.g. 1h) or 'atMilestones: true', found neither");
            } else if (cadence.every() != null && (cadence.every().isNegative() || cadence.every().isZero())) {
                report(at + ".every", "the interval must be positive, found " + cadence.every());
            }
        }
        for (int i = 0; i < plan.dependencies().size(); i++) {
            ref("dependencies[" + i + "].issue", plan.dependencies().get(i).issue(), issueIds, "issue");
        }
        for (int i = 0; i < plan.signOff().approvals().size(); i++) {
            ref("signOff.approvals[" + i + "].phase", plan.signOff().approvals().get(i).phase(), phaseIds, "phase");
        }
        for (int i = 0; i < plan.notes().size(); i++) {
            ref("notes[" + i + "].issue", plan.notes().get(i).issue(), issueIds, "issue");
            ref("notes[" + i + "].phase", plan.notes().get(i).phase(), phaseIds, "phase");
        }
        return problems;
    }

    private void checkRunbooks(Plan plan, Set<String> issueIds, Set<String> phaseIds, Set<String> metricIds) {
        Map<String, String> procedureIds = new HashMap<>();
        Map<String, Integer> runbooksById = new HashMap<>();
        plan.runbooks().forEach(r -> runbooksById.merge(r.id(), 1, Integer::sum));
        for (int i = 0; i < plan.runbooks().size(); i++) {
            Runbook runbook = plan.runbooks().get(i);
            String at = "runbooks[" + i + "]";
            ref(at + ".issue", runbook.issue(), issueIds, "issue");
            for (int c = 0; c < runbook.criteria().size(); c++) {
                condition(at + ".criteria[" + c + "].when", runbook.criteria().get(c).when(), metricIds);
            }
            if (runbook.procedures().isEmpty()) {
                report(at + ".procedures", "a runbook needs at least one procedure, found none");
            }
            List<String> commands = new ArrayList<>();
            List<String> commandPaths = new ArrayList<>();
            for (int p = 0; p < runbook.procedures().size(); p++) {
                Procedure procedure = runbook.procedures().get(p);
                String procAt = at + ".procedures[" + p + "]";
                String previous = procedureIds.putIfAbsent(procedure.id(), procAt);
                if (previous != null || runbookIdClash(runbooksById, procedure, runbook)) {
                    report(procAt + ".id", "duplicate procedure id '" + procedure.id() + "'"
                            + (previous != null ? " (first at " + where(previous) + ")" : " (it is also a runbook id)"));
                }
                refs(procAt + ".phases", procedure.phases(), phaseIds, "phase");
                for (int s = 0; s < procedure.steps().size(); s++) {
                    ProcedureStep step = procedure.steps().get(s);
                    String stepAt = procAt + ".steps[" + s + "]";
                    if (isBlank(step.title()) && isBlank(step.command())) {
                        report(stepAt, "a step needs a title or a command, found neither");
                    }
                    syntax(stepAt + ".command", step.command(), step.unsafe());
                    if (step.timeout() != null && (step.timeout().isZero() || step.timeout().isNegative())) {
                        report(stepAt + ".timeout", "a step's timeout must be positive, found " + step.timeout());
                    }
                    if (step.command() != null) {
                        commands.add(step.command());
                        commandPaths.add(stepAt + ".command");
                    }
                }
            }
            placeholders(at, commands, commandPaths, runbook.parameters());
        }
    }

    /** Whether a runbook other than the procedure's own has the procedure's id. */
    private static boolean runbookIdClash(Map<String, Integer> runbooksById, Procedure procedure, Runbook owner) {
        int sameId = runbooksById.getOrDefault(procedure.id(), 0);
        return sameId - (owner.id().equals(procedure.id()) ? 1 : 0) > 0;
    }

    /** Every placeholder declared, every declared parameter used, no name declared twice, defaults valid. */
    private void placeholders(String ownerPath, List<String> commands, List<String> paths, List<Parameter> declared) {
        Map<String, Integer> declaredAt = new LinkedHashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            if (declaredAt.putIfAbsent(declared.get(i).name(), i) != null) {
                report(ownerPath + ".parameters[" + i + "].name",
                        "parameter '" + declared.get(i).name() + "' is declared twice (first at "
                                + where(ownerPath + ".parameters[" + declaredAt.get(declared.get(i).name()) + "]") + ")");
            }
        }
        Set<String> used = new HashSet<>();
        for (int c = 0; c < commands.size(); c++) {
            for (String name : Placeholders.names(commands.get(c))) {
                used.add(name);
                if (!declaredAt.containsKey(name)) {
                    String hint = StructureChecker.DidYouMean.closest(name, List.copyOf(declaredAt.keySet()))
                            .map(s -> "; did you mean '" + s + "'?").orElse("; declare it under 'parameters'");
                    report(paths.get(c), "the command uses the placeholder '" + name + "' but no parameter '" + name
                            + "' is declared" + hint);
                }
            }
        }
        for (Map.Entry<String, Integer> entry : declaredAt.entrySet()) {
            if (!used.contains(entry.getKey())) {
                report(ownerPath + ".parameters[" + entry.getValue() + "]",
                        "parameter '" + entry.getKey() + "' is declared but no command uses it; use it as {{"
                                + entry.getKey() + "}} in a command or remove it");
            }
        }
        defaults(ownerPath + ".parameters", declared);
    }

    /** The same template check the rollback and guided commands make before they fill a command. */
    private void syntax(String path, String command, boolean unsafe) {
        if (command != null && commandSafety) {
            CommandSyntax.parse(command, unsafe).problems().forEach(problem -> report(path, problem));
        }
    }

    private void defaults(String listPath, List<Parameter> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            String at = listPath + "[" + i + "]";
            if (parameter.type() == ParameterType.CHOICE && parameter.choices().isEmpty()) {
                report(at + ".choices", "parameter '" + parameter.name() + "' is of type CHOICE but lists no "
                        + "'choices'; add the values an operator may pick");
            }
            if (parameter.defaultValue() != null) {
                Parameter checked = commandSafety ? parameter : new Parameter(parameter.name(), parameter.type(),
                        parameter.description(), parameter.defaultValue(), parameter.required(), parameter.choices(), true);
                ParameterRules.check(checked, parameter.defaultValue())
                        .ifPresent(reason -> report(at + ".defaultValue", "invalid default value for parameter '"
                                + parameter.name() + "': " + reason));
            }
        }
    }

    private void checkCycles(Plan plan) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < plan.phases().size(); i++) {
            index.putIfAbsent(plan.phases().get(i).id(), i);
        }
        Set<String> reported = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (Phase phase : plan.phases()) {
            findCycle(plan, phase.id(), new LinkedHashSet<>(), done, index, reported);
        }
    }

    private void findCycle(Plan plan, String id, LinkedHashSet<String> stack, Set<String> done,
                           Map<String, Integer> index, Set<String> reported) {
        if (done.contains(id) || !index.containsKey(id)) {
            return;
        }
        if (stack.contains(id)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String s : stack) {
                in |= s.equals(id);
                if (in) {
                    cycle.add(s);
                }
            }
            Set<String> key = new HashSet<>(cycle);
            if (reported.add(String.join(",", new TreeSet<>(key)))) {
                cycle.add(id);
                int i = index.get(cycle.get(0));
                Phase first = plan.phases().get(i);
                int d = first.dependsOn().indexOf(cycle.get(1));
                report("phases[" + i + "].dependsOn" + (d >= 0 ? "[" + d + "]" : ""),
                        "dependency cycle: " + String.join(" → ", cycle) + " (each phase depends on the next, "
                                + "so none of them can start)");
            }
            return;
        }
        stack.add(id);
        Phase phase = plan.phases().get(index.get(id));
        for (String dep : phase.dependsOn()) {
            if (!dep.equals(id)) {
                findCycle(plan, dep, stack, done, index, reported);
            }
        }
        stack.remove(id);
        done.add(id);
    }

    private void checkDecisions(Plan plan, Set<String> phaseIds) {
        for (int i = 0; i < plan.decisions().size(); i++) {
            DecisionTree tree = plan.decisions().get(i);
            String at = "decisions[" + i + "]";
            ref(at + ".phase", tree.phase(), phaseIds, "phase");
            Set<String> nodeIds = uniqueIds(at + ".nodes", tree.nodes(), DecisionTree.DecisionNode::id, "node");
            Set<String> outcomeIds = uniqueIds(at + ".outcomes", tree.outcomes(), DecisionTree.Outcome::id, "outcome");
            ref(at + ".start", tree.start(), nodeIds, "decision node");
            refs(at + ".gates", tree.gates(), phaseIds, "phase");
            for (int o = 0; o < tree.outcomes().size(); o++) {
                refs(at + ".outcomes[" + o + "].blocks", tree.outcomes().get(o).blocks(), phaseIds, "phase");
            }
            for (int n = 0; n < tree.nodes().size(); n++) {
                DecisionTree.DecisionNode node = tree.nodes().get(n);
                if (node.answers().isEmpty()) {
                    report(at + ".nodes[" + n + "].answers", "a question needs at least one answer, found none");
                }
                for (int a = 0; a < node.answers().size(); a++) {
                    DecisionTree.Answer answer = node.answers().get(a);
                    String answerAt = at + ".nodes[" + n + "].answers[" + a + "]";
                    if ((answer.next() == null) == (answer.outcome() == null)) {
                        report(answerAt, "an answer must lead to exactly one of 'next' (another question) or "
                                + "'outcome', but answer '" + answer.label() + "' has "
                                + (answer.next() == null ? "neither" : "both"));
                    }
                    ref(answerAt + ".next", answer.next(), nodeIds, "decision node");
                    ref(answerAt + ".outcome", answer.outcome(), outcomeIds, "outcome");
                }
            }
        }
    }

    /** Checklist items, test cases, tasks, criteria and steps are recorded by id, so ids must be plan-wide unique. */
    private void checkItemIds(Plan plan) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < plan.phases().size(); i++) {
            Phase phase = plan.phases().get(i);
            itemIds(seen, "phases[" + i + "].tasks", phase.tasks(), Task::id);
            itemIds(seen, "phases[" + i + "].successCriteria", phase.successCriteria(), Criterion::id);
            itemIds(seen, "phases[" + i + "].guidedSteps", phase.guidedSteps(), GuidedStep::id);
        }
        for (int i = 0; i < plan.testSuites().size(); i++) {
            itemIds(seen, "testSuites[" + i + "].checks", plan.testSuites().get(i).checks(), CheckItem::id);
            itemIds(seen, "testSuites[" + i + "].cases", plan.testSuites().get(i).cases(), TestCase::id);
        }
        for (int i = 0; i < plan.runbooks().size(); i++) {
            itemIds(seen, "runbooks[" + i + "].criteria", plan.runbooks().get(i).criteria(), Criterion::id);
        }
    }

    private <T> void itemIds(Map<String, String> seen, String listPath, List<T> items, Function<T, String> id) {
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            String at = listPath + "[" + i + "]";
            String previous = value == null ? null : seen.putIfAbsent(value, at);
            if (previous != null) {
                report(at + ".id", "duplicate id '" + value + "' (first at " + where(previous) + "); items are "
                        + "recorded by id, so ids must be unique in the whole plan");
            }
        }
    }

    private <T> Set<String> uniqueIds(String listPath, List<T> items, Function<T, String> id, String what) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                report(listPath + "[" + i + "].id", "duplicate " + what + " id '" + value + "' (first at "
                        + where(listPath + "[" + first + "]") + ")");
            }
        }
        return seen.keySet();
    }

    private void refs(String listPath, List<String> values, Set<String> known, String what) {
        for (int i = 0; i < values.size(); i++) {
            ref(listPath + "[" + i + "]", values.get(i), known, what);
        }
    }

    private void ref(String path, String value, Set<String> known, String what) {
        if (value == null || known.contains(value)) {
            return;
        }
        // Short ids such as p1/p2 are all "close" to each other; listing them helps more than a guess.
        String hint = StructureChecker.DidYouMean.closest(value, value.length() > 3 ? List.copyOf(known) : List.of())
                .map(s -> "; did you mean '" + s + "'?")
                .orElse(known.isEmpty() ? "; the plan defines no " + what + " at all"
                        : "; the plan defines: " + listed(known));
        report(path, "unknown " + what + " '" + StructureChecker.shorten(value) + "'" + hint);
    }

    private void condition(String path, MetricCondition condition, Set<String> metricIds) {
        if (condition != null) {
            ref(path, condition.metric(), metricIds, "metric");
        }
    }

    /** "phases[0], line 10": a path, with its line when the file gives one. */
    private String where(String path) {
        int line = locator.locate(path)[0];
        return line > 0 ? path + ", line " + line : path;
    }

    private static String listed(Set<String> known) {
        List<String> first = known.stream().limit(12).toList();
        return String.join(", ", first) + (known.size() > first.size() ? ", ..." : "");
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private void report(String path, String message) {
        int[] at = locator.locate(path);
        problems.add(new Problem(source, at[0], at[1], path, message));
    }
}
