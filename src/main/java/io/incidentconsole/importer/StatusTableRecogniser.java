package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Outline.Part;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.PendingDependency;
import io.incidentconsole.plan.PhaseStatus;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The status tracking table (a Phase column and a Status column): one phase per row, in order. */
final class StatusTableRecogniser {

    private static final Pattern ROW_PHASE = Pattern.compile(
            "(?i)^(?:(?:phase|stage|step|week|wave|milestone)\\s+)?(\\d{1,4})(?:\\s*[-–]\\s*(\\d{1,4}))?\\s*(?:[:.)—–-]+\\s*(.*))?$");
    private static final Pattern STATUS_COLUMN = Pattern.compile("\\b(status|state)\\b");
    private static final Pattern PHASE_COLUMN = Pattern.compile("\\b(phase|stage|step|milestone|wave|week)s?\\b");
    private static final Pattern ISSUE_COLUMN = Pattern.compile("\\b(issue|ticket|incident)s?\\b");
    private static final Pattern NOTES_COLUMN = Pattern.compile("\\b(notes?|comments?|remarks?|details?)\\b");

    private final ReadContext ctx;

    StatusTableRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    static boolean isStatusTable(MdText.Table table) {
        boolean phase = false;
        boolean state = false;
        for (String h : table.header()) {
            String l = h.toLowerCase(Locale.ROOT);
            phase |= PHASE_COLUMN.matcher(l).find();
            state |= STATUS_COLUMN.matcher(l).find();
        }
        return phase && state;
    }

    void read() {
        for (Section section : ctx.outline.sections) {
            for (Part part : section.parts) {
                for (Node block : part.blocks) {
                    if (block instanceof TableBlock t && isStatusTable(MdText.table(t))) {
                        if (!ctx.phases.isEmpty()) {
                            ctx.log.decided(Outline.firstLine(t), "a second status table; read its rows as further phases");
                        }
                        rows(MdText.table(t));
                        ctx.use(t);
                    }
                }
            }
        }
    }

    private void rows(MdText.Table table) {
        int phaseCol = -1;
        int issueCol = -1;
        int statusCol = -1;
        int notesCol = -1;
        for (int c = 0; c < table.header().size(); c++) {
            String h = table.header().get(c).toLowerCase(Locale.ROOT);
            if (phaseCol < 0 && PHASE_COLUMN.matcher(h).find()) {
                phaseCol = c;
            } else if (issueCol < 0 && ISSUE_COLUMN.matcher(h).find()) {
                issueCol = c;
            } else if (statusCol < 0 && STATUS_COLUMN.matcher(h).find()) {
                statusCol = c;
            } else if (notesCol < 0 && NOTES_COLUMN.matcher(h).find()) {
                notesCol = c;
            }
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            int line = table.rowLines().get(r);
            String cell = ReadContext.cell(row, phaseCol);
            if (cell.isBlank()) {
                continue;
            }
            PhaseDraft phase = phase(r, cell, issueCol >= 0 ? ReadContext.cell(row, issueCol) : cell, line);
            phase.fromTable = true;
            String statusText = ReadContext.cell(row, statusCol);
            if (!statusText.isBlank()) {
                PhaseStatus parsed = Statuses.parse(statusText);
                if (parsed == null) {
                    ctx.log.decided(line, "status '" + statusText + "' of " + phase.id + " not recognised; kept PENDING");
                } else {
                    phase.status = parsed;
                }
            }
            String note = ReadContext.cell(row, notesCol);
            if (!note.isBlank() && !note.equals("-")) {
                phase.statusNote = note;
                ctx.pendingDependencies.add(new PendingDependency(phase, phase.issue(), note, line));
            }
        }
    }

    private PhaseDraft phase(int r, String cell, String issueText, int line) {
        Matcher m = ROW_PHASE.matcher(cell);
        String number;
        int from;
        int to;
        String name;
        if (m.matches()) {
            from = Integer.parseInt(m.group(1));
            to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            number = m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
            name = m.group(3) == null || m.group(3).isBlank() ? cell : m.group(3);
        } else {
            from = r + 1;
            to = from;
            number = null;
            name = cell;
            ctx.log.decided(line, "status row '" + cell + "' has no phase number; numbered it by its position " + from);
        }
        List<String> rowIssues = new ArrayList<>();
        for (String id : Refs.issues(issueText, ctx.issues.keySet())) {
            ctx.issue(id, null, line);
            rowIssues.add(id);
        }
        if (rowIssues.isEmpty() && ctx.issues.size() == 1) {
            rowIssues.add(ctx.issues.keySet().iterator().next());
        }
        return ctx.newPhase(number, from, to, ReadContext.clean(name), rowIssues, line);
    }
}
