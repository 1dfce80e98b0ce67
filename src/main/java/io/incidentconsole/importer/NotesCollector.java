package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Outline.Part;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.NoteKind;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whatever no recogniser used, kept as one note per section (source text as written, so nothing is lost),
 * with the phase or issue it belongs to; empty unused sections are reported as dropped.
 */
final class NotesCollector {

    private static final Pattern LESSONS = Pattern.compile("\\blessons?\\b|\\bretro|\\bpost-?mortem\\b");
    private static final Pattern REFERENCE = Pattern.compile("\\b(references?|links?|docs|documentation|appendix|related)\\b");
    private static final Pattern RATIONALE = Pattern.compile("\\b(why|reasons?|rationale|decisions?|separate)\\b");
    private static final Pattern ANALYSIS = Pattern.compile("\\b(analysis|root cause|problem|impact|overlap|affected|complexity|issue)\\b");

    private final ReadContext ctx;

    NotesCollector(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<Note> collect() {
        List<Note> notes = new ArrayList<>();
        for (Section section : ctx.outline.sections) {
            if (ctx.isIgnored(section)) {
                continue;
            }
            boolean[] anyUsed = {false};
            String body = unusedText(section, anyUsed);
            if (body.isBlank()) {
                if (!anyUsed[0] && section.level > 0 && section.children.isEmpty() && !ctx.phases.isPhaseSection(section)
                        && !section.title.isBlank()) {
                    ctx.log.unused(section.title, section.line, section.endLine, null);
                }
                continue;
            }
            PhaseDraft phase = ctx.phases.inPhase(section);
            String issue = phase != null ? phase.issue() : ctx.issueContext(section, null);
            if (issue != null && !ctx.issues.containsKey(issue)) {
                issue = null;
            }
            String id = "note-" + (notes.size() + 1);
            String noteTitle = section.level == 0 ? "Preamble" : String.join(" / ", section.titles());
            if (noteTitle.replace("/", "").isBlank()) {
                noteTitle = "Notes from line " + section.line;
            }
            notes.add(new Note(id, noteTitle, noteKind(section), issue, phase == null ? null : phase.id, body.strip()));
            ctx.log.unused(section.level == 0 ? "(before the first heading)" : section.title, section.line, section.endLine,
                    id + (anyUsed[0] ? " (the rest of a used section)" : "")
                            + (phase != null ? " on " + phase.id : issue != null ? " on #" + issue : ""));
        }
        return notes;
    }

    /** The section's blocks (and list items) no recogniser used, as written; {@code anyUsed[0]} says if some were. */
    private String unusedText(Section section, boolean[] anyUsed) {
        StringBuilder body = new StringBuilder();
        for (Part part : section.parts) {
            if (part.labelNode != null) {
                if (ctx.isUsed(part.labelNode)) {
                    anyUsed[0] = true;
                } else if (!part.blocks.stream().allMatch(ctx::isUsed) || part.blocks.isEmpty()) {
                    appendBlock(body, ctx.outline.source(part.labelNode));
                }
            }
            for (Node block : part.blocks) {
                if (ctx.isUsed(block)) {
                    anyUsed[0] = true;
                    continue;
                }
                if (block instanceof ListBlock list) {
                    StringBuilder rest = new StringBuilder();
                    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                        if (ctx.isUsed(item)) {
                            anyUsed[0] = true;
                        } else if (item instanceof ListItem) {
                            appendLine(rest, ctx.outline.source(item));
                        }
                    }
                    appendBlock(body, rest.toString());
                } else {
                    appendBlock(body, ctx.outline.source(block));
                }
            }
        }
        return body.toString();
    }

    private static void appendBlock(StringBuilder body, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (body.length() > 0) {
            body.append("\n\n");
        }
        body.append(text.stripTrailing());
    }

    private static void appendLine(StringBuilder body, String text) {
        if (body.length() > 0) {
            body.append('\n');
        }
        body.append(text.stripTrailing());
    }

    private static NoteKind noteKind(Section section) {
        String chain = String.join(" ", section.titles()).toLowerCase(Locale.ROOT);
        if (LESSONS.matcher(chain).find()) {
            return NoteKind.LESSONS;
        }
        if (REFERENCE.matcher(chain).find()) {
            return NoteKind.REFERENCE;
        }
        if (RATIONALE.matcher(chain).find()) {
            return NoteKind.RATIONALE;
        }
        if (ANALYSIS.matcher(chain).find()) {
            return NoteKind.ANALYSIS;
        }
        return NoteKind.OTHER;
    }
}
