package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.IssueDraft;
import io.incidentconsole.importer.Outline.Part;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.plan.Priority;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues: the comparison table (one column per issue, one row per attribute), headings such as
 * "Issue #330: Convex crisis", and the files each issue's "Files affected" section lists.
 */
final class IssueRecogniser {

    private static final Pattern ISSUE_HEADING = Pattern.compile(
            "(?i)^(?:issue|incident|ticket|bug)\\s*(?:#(\\d{1,9})|([A-Z][A-Z0-9]{1,9}-\\d{1,9}))\\s*(?:[:—–-]+\\s*(.*))?$");
    private static final Pattern FILES_AFFECTED = Pattern.compile("(files affected|affected files)");
    private static final Pattern FILE = Pattern.compile("`([^`\\s]+\\.[A-Za-z0-9]{1,6})`");

    private final ReadContext ctx;

    IssueRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void comparisonTables() {
        for (Section section : ctx.outline.sections) {
            for (Part part : section.parts) {
                for (Node block : part.blocks) {
                    if (block instanceof TableBlock t) {
                        comparisonTable(t);
                    }
                }
            }
        }
    }

    private void comparisonTable(TableBlock t) {
        MdText.Table table = MdText.table(t);
        List<String> columns = new ArrayList<>();
        for (int c = 1; c < table.header().size(); c++) {
            columns.add(Refs.namedIssue(table.header().get(c)));
        }
        if (columns.isEmpty() || columns.stream().allMatch(Objects::isNull) || StatusTableRecogniser.isStatusTable(table)) {
            return;
        }
        ctx.use(t);
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c) != null) {
                ctx.issue(columns.get(c), null, Outline.firstLine(t));
            }
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            if (row.isEmpty()) {
                continue;
            }
            for (int c = 0; c < columns.size() && c + 1 < row.size(); c++) {
                if (columns.get(c) != null) {
                    attribute(ctx.issues.get(columns.get(c)), row.get(0), row.get(c + 1), table.rowLines().get(r));
                }
            }
        }
    }

    private void attribute(IssueDraft issue, String name, String value, int line) {
        String key = Outline.stripColon(name).toLowerCase(Locale.ROOT);
        String v = value.strip();
        if (v.isEmpty()) {
            return;
        }
        switch (key) {
            case "title", "name", "summary" -> {
                if (!issue.title.equals("Issue #" + issue.id) && !issue.title.equals(v)) {
                    ctx.log.decided(line, "#" + issue.id + " has two titles; took the comparison table's '" + v
                            + "' over '" + issue.title + "'");
                }
                issue.title = v;
            }
            case "priority" -> priority(issue, v, line);
            case "severity" -> issue.severity = v;
            case "impact" -> issue.impact = v;
            case "urgency" -> issue.urgency = v;
            case "risk", "risk level" -> issue.risk = v;
            case "created", "opened", "reported" -> issue.created = v;
            case "dependencies", "depends on", "blocks" -> issue.dependencyNote = v;
            case "files", "files affected", "affected files" -> issue.filesSummary = v;
            default -> {
                issue.description = (issue.description == null ? "" : issue.description + "\n") + Outline.stripColon(name) + ": " + v;
                return;
            }
        }
        ctx.log.recognised("issue attribute", issue.id, key + ": " + v, line, null);
    }

    private void priority(IssueDraft issue, String v, int line) {
        String word = v.split("[\\s\\-–—:(]+")[0].toUpperCase(Locale.ROOT);
        try {
            issue.priority = Priority.valueOf(word);
            String note = v.substring(Math.min(v.length(), word.length())).replaceFirst("^[\\s\\-–—:]+", "");
            issue.priorityNote = note.isBlank() ? null : note;
        } catch (IllegalArgumentException e) {
            issue.priorityNote = v;
            ctx.log.decided(line, "priority '" + v + "' of #" + issue.id + " is not CRITICAL/HIGH/MEDIUM/LOW; kept as a note");
        }
    }

    void headings() {
        for (Section section : ctx.outline.sections) {
            Matcher m = ISSUE_HEADING.matcher(section.title);
            if (m.matches()) {
                String id = m.group(1) != null ? m.group(1) : m.group(2);
                IssueDraft draft = ctx.issue(id, m.group(3), section.line);
                for (Section sub : section.tree()) {
                    if (FILES_AFFECTED.matcher(sub.title.toLowerCase(Locale.ROOT)).find()) {
                        affectedFiles(draft, sub);
                    }
                }
            }
        }
    }

    private void affectedFiles(IssueDraft issue, Section section) {
        for (Part part : section.parts) {
            List<String> candidates = new ArrayList<>();
            if (part.label != null) {
                candidates.add(part.label);
            }
            for (Node block : part.blocks) {
                if (block instanceof ListBlock list) {
                    MdText.items(list).forEach(i -> candidates.add(i.text()));
                }
            }
            for (String text : candidates) {
                Matcher m = FILE.matcher(text);
                if (m.find() && m.start() <= 2 && !issue.affectedFiles.contains(m.group(1))) {
                    issue.affectedFiles.add(m.group(1));
                    ctx.log.recognised("affected file", issue.id, m.group(1), part.line, null);
                }
            }
        }
    }
}
