package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.MetricDraft;
import io.incidentconsole.importer.MdText.Field;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.Severity;
import io.incidentconsole.plan.Threshold;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert thresholds anywhere in the document ("Set up alerts at 1.5M and 2M calls/day") go to the metric whose
 * name the line shares most words with; a line naming no known metric makes one.
 */
final class AlertRecogniser {

    private static final Pattern ALERTS = Pattern.compile("(?i)\\balert(?:s|ing)?\\b[^0-9]{0,40}?\\b(?:at|above|over|when|of|on)\\b\\s*(.+)$");

    private final ReadContext ctx;

    /** The best match among all metrics found so far for a set of words, and how many metrics that looked at. */
    private static final class BestMetric {
        MetricDraft metric;
        int score;
        int seen;
    }

    private final Map<Set<String>, BestMetric> bestOfAll = new HashMap<>();

    AlertRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void read() {
        for (Section section : ctx.outline.sections) {
            for (Unit unit : ctx.units(section)) {
                for (Node block : unit.blocks()) {
                    if (block instanceof ListBlock list) {
                        for (Item item : MdText.items(list)) {
                            if (line(item.text(), item.line(), ctx.issueContext(section, null))) {
                                ctx.use(item.node());
                            }
                        }
                    } else if (block instanceof Paragraph p) {
                        for (Field line : MdText.lines(p)) {
                            line(line.value(), line.line(), ctx.issueContext(section, null));
                        }
                    }
                }
            }
        }
    }

    private boolean line(String text, int line, String issue) {
        if (!text.toLowerCase(Locale.ROOT).contains("alert")) {
            return false;
        }
        Matcher m = ALERTS.matcher(text);
        if (!m.find()) {
            return false;
        }
        List<Quantity> values = Quantity.all(m.group(1));
        if (values.isEmpty()) {
            return false;
        }
        Set<String> lineWords = Refs.words(text);
        MetricDraft metric = issue == null ? bestOfAllMetrics(lineWords) : bestMetric(ctx.metricsOf(issue), lineWords);
        if (metric == null) {
            metric = bestOfAllMetrics(lineWords);
        }
        if (metric == null) {
            metric = newMetric(text, line, issue, values);
        }
        List<Double> sorted = values.stream().map(Quantity::value).sorted().toList();
        boolean worseHigh = metric.direction != Direction.UP;
        boolean knownWay = metric.baseline != null && metric.target != null;
        if (!knownWay && sorted.size() > 1) {
            ctx.log.decided(line, "metric " + metric.id + " has no baseline and target to tell which way is worse; "
                    + "all its thresholds are warnings");
        }
        for (int i = 0; i < sorted.size(); i++) {
            boolean critical = knownWay && (worseHigh ? i == sorted.size() - 1 : i == 0);
            String label = Numbers.compact(sorted.get(i)) + (metric.unit == null ? "" : " " + metric.unit);
            metric.thresholds.add(new Threshold(sorted.get(i), critical && sorted.size() > 1 ? Severity.CRITICAL : Severity.WARNING, label));
        }
        ctx.log.recognised("alert thresholds", metric.id, sorted.stream().map(Numbers::compact).toList().toString(), line, null);
        return true;
    }

    private MetricDraft newMetric(String text, int line, String issue, List<Quantity> values) {
        String name = text.replaceAll("(?i)^.*?\\b(set up|add|configure|create)\\b\\s*", "")
                .replaceAll("(?i)\\balert(s|ing)?\\b.*$", "").strip();
        Quantity last = values.get(values.size() - 1);
        String metricName = (name.isBlank() ? "Alerted metric" : name) + (last.unit() == null ? "" : " " + last.unit());
        String id = ctx.ids.unique("metric", MetricRecogniser.metricId(metricName), line, ctx.log);
        MetricDraft metric = new MetricDraft(id, metricName, issue, line);
        metric.unit = last.unit();
        metric.direction = Direction.DOWN;
        ctx.addMetric(metric);
        ctx.log.decided(line, "alert thresholds name no known metric; created metric " + id);
        return metric;
    }

    /**
     * {@link #bestMetric} over all metrics. Metrics are only ever appended and a metric's score for given words
     * never changes, so a repeated line (every alert in a long plan) only looks at the metrics added since.
     */
    private MetricDraft bestOfAllMetrics(Set<String> lineWords) {
        BestMetric best = bestOfAll.computeIfAbsent(lineWords, k -> new BestMetric());
        List<MetricDraft> metrics = ctx.metrics;
        for (; best.seen < metrics.size(); best.seen++) {
            MetricDraft candidate = metrics.get(best.seen);
            int score = score(candidate, lineWords);
            if (score > best.score) {
                best.metric = candidate;
                best.score = score;
            }
        }
        return best.metric;
    }

    static int score(MetricDraft candidate, Set<String> lineWords) {
        int score = 0;
        for (String w : candidate.words()) {
            if (lineWords.contains(w)) {
                score++;
            }
        }
        return score;
    }

    private static MetricDraft bestMetric(List<MetricDraft> candidates, Set<String> lineWords) {
        MetricDraft best = null;
        int bestScore = 0;
        for (MetricDraft candidate : candidates) {
            int score = score(candidate, lineWords);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }
}
