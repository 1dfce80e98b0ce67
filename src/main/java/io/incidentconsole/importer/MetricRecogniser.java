package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.MetricDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.Direction;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metrics sections: "Name: baseline → target (note)" lines and tables with a metric, a baseline and a target
 * column give metrics with unit and direction (by the numbers, else by the wording).
 */
final class MetricRecogniser {

    private static final Pattern METRIC_LINE = Pattern.compile(
            "^\\s*([^:→]{2,80}?)\\s*:\\s*(?:from\\s+)?(.+?)\\s*(?:→|->|=>|⟶|⇒|\\bto\\b)\\s*(.+?)\\s*$");
    private static final Pattern TRAILING_ASIDE = Pattern.compile("\\(([^)]*)\\)\\s*$");
    private static final Pattern SAYS_DOWN = Pattern.compile("\\b(reduc\\w*|decreas\\w*|lower|drop\\w*|fewer|less|faster|cut)\\b");
    private static final Pattern SAYS_UP = Pattern.compile("\\b(increas\\w*|higher|more|grow\\w*|rais\\w*|improv\\w*)\\b");
    private static final Pattern METRIC_COLUMN = Pattern.compile("\\b(metric|measure|kpi|name)\\b");
    private static final Pattern BASELINE_COLUMN = Pattern.compile("\\b(baseline|before|current|now|from)\\b");
    private static final Pattern TARGET_COLUMN = Pattern.compile("\\b(target|goal|after|to)\\b");

    private final ReadContext ctx;

    MetricRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void section(Section section) {
        for (Unit unit : ctx.units(section)) {
            String issue = ctx.issueContext(section, unit.labelNode() == null ? null : unit.label());
            for (Node block : unit.blocks()) {
                if (block instanceof ListBlock list) {
                    boolean all = true;
                    for (Item item : MdText.items(list)) {
                        if (line(item.text(), issue, item.line())) {
                            ctx.use(item.node());
                        } else {
                            all = false;
                        }
                    }
                    if (all) {
                        ctx.use(list);
                    }
                } else if (block instanceof TableBlock t) {
                    table(MdText.table(t), issue, t);
                }
            }
        }
    }

    private void table(MdText.Table table, String issue, TableBlock node) {
        int name = -1;
        int base = -1;
        int target = -1;
        for (int c = 0; c < table.header().size(); c++) {
            String h = table.header().get(c).toLowerCase(Locale.ROOT);
            if (METRIC_COLUMN.matcher(h).find() && name < 0) {
                name = c;
            } else if (BASELINE_COLUMN.matcher(h).find() && base < 0) {
                base = c;
            } else if (TARGET_COLUMN.matcher(h).find() && target < 0) {
                target = c;
            }
        }
        if (name < 0 || base < 0 && target < 0) {
            return;
        }
        boolean any = false;
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            String text = ReadContext.cell(row, name) + ": " + (base < 0 ? "?" : ReadContext.cell(row, base)) + " → "
                    + (target < 0 ? "?" : ReadContext.cell(row, target));
            any |= line(text, issue, table.rowLines().get(r));
        }
        if (any) {
            ctx.use(node);
        }
    }

    /** A metric from one "Name: from → to" line; false when the line is not one. */
    boolean line(String text, String issue, int line) {
        Matcher m = METRIC_LINE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1).strip();
        String toText = m.group(3);
        String note = null;
        Matcher paren = TRAILING_ASIDE.matcher(toText);
        if (paren.find()) {
            note = paren.group(1).strip();
            toText = toText.substring(0, paren.start()).strip();
        }
        Quantity from = m.group(2).strip().equals("?") ? null : Quantity.parse(m.group(2));
        Quantity to = toText.equals("?") ? null : Quantity.parse(toText);
        if (from == null && to == null || name.isBlank()) {
            return false;
        }
        String id = ctx.ids.unique("metric", metricId(name), line, ctx.log);
        MetricDraft metric = new MetricDraft(id, name, issue, line);
        metric.baseline = from == null ? null : from.value();
        metric.target = to == null ? null : to.value();
        metric.unit = unit(name, from, to);
        direction(metric, text, line);
        StringBuilder targetNote = new StringBuilder();
        if (to != null && to.qualifier() != null) {
            targetNote.append(toText);
        }
        if (note != null) {
            targetNote.append(targetNote.length() > 0 ? " (" + note + ")" : note);
        }
        metric.targetNote = targetNote.length() == 0 ? null : targetNote.toString();
        ctx.addMetric(metric);
        ctx.log.recognised("metric", id, name, line, "baseline " + metric.baseline + ", target " + metric.target
                + (metric.unit == null ? "" : " " + metric.unit) + ", " + metric.direction);
        return true;
    }

    private static String unit(String name, Quantity from, Quantity to) {
        String unit = to != null && to.unit() != null ? to.unit() : from != null ? from.unit() : null;
        if (from != null && from.unit() != null && to != null && to.unit() != null && to.unit().startsWith("/")) {
            unit = from.unit() + to.unit();
        }
        if (unit != null && unit.startsWith("/")) {
            String[] words = name.strip().split("\\s+");
            unit = words[words.length - 1].toLowerCase(Locale.ROOT) + unit;
        }
        return unit;
    }

    private void direction(MetricDraft metric, String text, int line) {
        String lower = text.toLowerCase(Locale.ROOT);
        Direction said = SAYS_DOWN.matcher(lower).find() ? Direction.DOWN
                : SAYS_UP.matcher(lower).find() ? Direction.UP : null;
        Direction byNumbers = metric.baseline != null && metric.target != null && !metric.baseline.equals(metric.target)
                ? (metric.target < metric.baseline ? Direction.DOWN : Direction.UP) : null;
        metric.direction = byNumbers != null ? byNumbers : said != null ? said : Direction.DOWN;
        if (said != null && byNumbers != null && said != byNumbers) {
            ctx.log.decided(line, "metric '" + metric.name + "' says " + said + " but its numbers go " + byNumbers
                    + "; followed the numbers");
        }
    }

    static String metricId(String name) {
        String slug = Refs.slug(name, 4);
        if (slug.isEmpty()) {
            return "metric";
        }
        return Character.isLetter(slug.charAt(0)) ? slug : "m-" + slug;
    }
}
