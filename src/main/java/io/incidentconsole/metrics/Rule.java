package io.incidentconsole.metrics;

import io.incidentconsole.plan.AlertRule;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.MetricCondition;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.Severity;
import io.incidentconsole.plan.Threshold;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A metric condition the console watches, from one of three places in the plan: an alert rule, a runbook's
 * rollback decision criterion, or a metric threshold. {@code runbookId} is the rollback runbook to offer.
 */
public record Rule(String id, String name, Kind kind, MetricCondition condition, Severity severity, String runbookId) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(condition, "condition");
        name = name == null || name.isBlank() ? condition.toString() : name;
        severity = severity == null ? Severity.WARNING : severity;
    }

    public String metricId() {
        return condition.metric();
    }

    public enum Kind {
        ALERT, ROLLBACK_CRITERION, THRESHOLD
    }

    /**
     * Every rule the plan defines: alert rules, runbook criteria that have a {@code when}, and one rule per
     * metric threshold (crossing it in the bad direction: above for a DOWN metric, below for an UP one).
     */
    public static List<Rule> fromPlan(Plan plan) {
        List<Rule> rules = new ArrayList<>();
        for (AlertRule alert : plan.alerts()) {
            rules.add(new Rule(alert.id(), alert.name(), Kind.ALERT, alert.when(), alert.severity(), alert.runbook()));
        }
        for (Runbook runbook : plan.runbooks()) {
            for (int i = 0; i < runbook.criteria().size(); i++) {
                Criterion criterion = runbook.criteria().get(i);
                if (criterion.when() == null) {
                    continue;
                }
                String id = criterion.id() != null ? criterion.id() : runbook.id() + "/criteria[" + i + "]";
                rules.add(new Rule(id, "Rollback criterion: " + criterion.text(), Kind.ROLLBACK_CRITERION,
                        criterion.when(), Severity.CRITICAL, runbook.id()));
            }
        }
        Set<String> thresholdIds = new HashSet<>();
        for (Metric metric : plan.metrics()) {
            for (Threshold threshold : metric.thresholds()) {
                MetricCondition.Comparison bad = metric.direction() == Direction.DOWN
                        ? MetricCondition.Comparison.GE : MetricCondition.Comparison.LE;
                MetricCondition condition = new MetricCondition(metric.id(), bad, threshold.value(), null);
                String label = threshold.label() == null ? condition.toString() : threshold.label();
                String id = "threshold:" + metric.id() + ":" + condition.toString().replaceAll(".* ", "");
                // The same value twice on one metric is one condition: its first threshold stands for both (two
                // rules of one id stopped every live metric in the console).
                if (thresholdIds.add(id)) {
                    rules.add(new Rule(id, metric.name() + " reached " + label, Kind.THRESHOLD, condition,
                            threshold.severity(), null));
                }
            }
        }
        return rules;
    }
}
