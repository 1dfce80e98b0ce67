package io.incidentconsole.plan;

import java.util.List;

/**
 * A success metric: where it starts (baseline), where it must get to (target), which way is better,
 * the thresholds that raise alerts, values the plan expects after given phases, and where live values
 * come from. Baseline and target may be absent when the plan gives only one of them.
 */
public record Metric(
        @Required String id,
        @Required String name,
        String issue,
        String unit,
        Double baseline,
        Double target,
        Direction direction,
        String targetNote,
        List<Threshold> thresholds,
        List<Milestone> milestones,
        MetricBinding source) {

    public Metric {
        direction = direction == null ? Direction.DOWN : direction;
        thresholds = Lists.copy(thresholds);
        milestones = Lists.copy(milestones);
    }
}
