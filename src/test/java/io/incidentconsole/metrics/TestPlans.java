package io.incidentconsole.metrics;

import io.incidentconsole.plan.AlertRule;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.MetricBinding;
import io.incidentconsole.plan.MetricCondition;
import io.incidentconsole.plan.Milestone;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanIssue;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.Severity;
import io.incidentconsole.plan.Threshold;

import java.util.List;

/** A small plan shaped like the bundled #324/#330 seed: its phases, metrics, thresholds and rules. */
final class TestPlans {

    private TestPlans() {
    }

    static Plan seedLike() {
        List<PlanIssue> issues = List.of(issue("330"), issue("324"));
        List<Phase> phases = List.of(
                phase("p330-1", "1", "330"),
                phase("p330-2", "2", "330"),
                phase("p3", "3", "330", "324"),
                phase("p4", "4", "330"));
        List<Metric> metrics = List.of(
                new Metric("convex_calls", "Convex function calls", "330", "calls/day", 3_200_000.0, 1_000_000.0,
                        Direction.DOWN, null,
                        List.of(new Threshold(500_000, Severity.INFO, "500K"),
                                new Threshold(900_000, Severity.CRITICAL, "900K")),
                        List.of(new Milestone("p330-1", 2_800_000), new Milestone("p330-2", 2_400_000)),
                        new MetricBinding("sum(rate(convex_calls_total[5m])) * 86400", "convex_calls")),
                new Metric("adapter_calls", "Better Auth adapter calls", "330", "calls/day", 1_880_000.0, 500_000.0,
                        Direction.DOWN, null, List.of(), List.of(), null),
                new Metric("db_bandwidth", "Database bandwidth", "330", "GB/day", 2.49, 1.0,
                        Direction.DOWN, null, List.of(), List.of(), new MetricBinding(null, "bandwidth_gb")),
                new Metric("as_any_casts", "as any casts", "330", "count", 50.0, 0.0,
                        Direction.DOWN, null, List.of(), List.of(), null),
                new Metric("page_load", "Page load", "330", "%", null, null, Direction.DOWN, null, List.of(),
                        List.of(), null));
        List<AlertRule> alerts = List.of(
                new AlertRule("errors-high", "Error rate high", MetricCondition.parse("error_rate > 0.02 for 5m"),
                        Severity.CRITICAL, "rb-330"),
                new AlertRule("calls-over-free-tier", "Calls above 900K",
                        MetricCondition.parse("convex_calls > 900000"), Severity.WARNING, null));
        List<Runbook> runbooks = List.of(new Runbook("rb-330", "Roll back #330", "330",
                List.of(new Criterion("rb-330-errors", "Convex error rate spikes",
                        MetricCondition.parse("error_rate > 0.05 for 1m"))),
                List.of(), List.of()));
        return new Plan(null, issues, phases, null, runbooks, metrics, alerts, null, null, null, null, null);
    }

    private static PlanIssue issue(String id) {
        return new PlanIssue(id, "Issue " + id, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Phase phase(String id, String number, String... issues) {
        return new Phase(id, number, "Phase " + number, List.of(issues), null, null, null, false, null, null, null,
                null, null, null, null);
    }
}
