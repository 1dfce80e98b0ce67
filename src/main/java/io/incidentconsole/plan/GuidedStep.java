package io.incidentconsole.plan;

import java.time.Duration;
import java.util.List;

/**
 * One step of guided mode: what to do, optionally a command (a template with {@code {{name}}}
 * placeholders declared in {@code parameters}), a wait ("monitor for 24 hours"), the checks to tick
 * before moving on, the metrics to watch, and values the operator records here (e.g. the deployed
 * commit) that later pre-fill rollback parameters of the same name. {@code tasks}: the ids of the phase's tasks this
 * step is (doing the step ticks them, ticking them all does the step); absent, the task whose text is the step's
 * title, if any (see {@link PlanItems}).
 */
public record GuidedStep(
        String id,
        @Required String title,
        String detail,
        String command,
        List<Parameter> parameters,
        Duration waitFor,
        List<String> checks,
        List<String> watch,
        List<Parameter> records,
        Boolean unsafe,
        List<String> tasks) {

    public GuidedStep {
        parameters = Lists.copy(parameters);
        checks = Lists.copy(checks);
        watch = Lists.copy(watch);
        records = Lists.copy(records);
        tasks = Lists.copy(tasks);
    }

    /** Whether the plan marks the command as handing values to an evaluator ({@code bash -c}), see CommandSyntax. */
    public boolean isUnsafe() {
        return unsafe != null && unsafe;
    }
}
