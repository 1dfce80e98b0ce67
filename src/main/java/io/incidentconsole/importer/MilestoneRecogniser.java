package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.MetricDraft;
import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.plan.Milestone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phase's success criterion with a number ("calls → 1.5M/day") is a milestone of the metric it names,
 * when the number is on that metric's scale.
 */
final class MilestoneRecogniser {

    private static final Pattern TO_NUMBER = Pattern.compile("(?i)(?:→|->|\\bto\\b)\\s*(~?[0-9.,]+[KMG]?)");

    private final ReadContext ctx;

    MilestoneRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void read() {
        for (PhaseDraft phase : ctx.phases) {
            for (int i = 0; i < phase.successCriteria.size(); i++) {
                String text = phase.successCriteria.get(i).text();
                Matcher m = TO_NUMBER.matcher(text);
                if (!m.find()) {
                    continue;
                }
                Quantity q = Quantity.parse(m.group(1));
                if (q == null) {
                    continue;
                }
                MetricDraft best = bestMetric(phase, text, q);
                if (best != null) {
                    best.milestones.add(new Milestone(phase.id, q.value()));
                    ctx.log.recognised("milestone", best.id, "after " + phase.id + ": " + Numbers.compact(q.value()),
                            phase.criteriaLines.get(i), null);
                }
            }
        }
    }

    private MetricDraft bestMetric(PhaseDraft phase, String text, Quantity q) {
        Set<String> criterionWords = Refs.words(text);
        MetricDraft best = null;
        int bestScore = 0;
        List<MetricDraft> candidates = new ArrayList<>(ctx.metricsOf(phase.issue()));
        if (phase.issue() != null) {
            candidates.addAll(ctx.metricsOf(""));
        }
        for (MetricDraft metric : candidates) {
            if (metric.baseline == null) {
                continue;
            }
            int score = AlertRecogniser.score(metric, criterionWords);
            boolean sameScale = q.value() <= metric.baseline * 1.5 && q.value() >= Math.min(metric.baseline,
                    metric.target == null ? metric.baseline : metric.target) / 2;
            if (score > bestScore && sameScale) {
                best = metric;
                bestScore = score;
            }
        }
        return best;
    }
}
