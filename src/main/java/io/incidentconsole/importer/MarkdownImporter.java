package io.incidentconsole.importer;

import io.incidentconsole.importer.PlanBuilders.InfoBuilder;
import io.incidentconsole.importer.PlanBuilders.PlanBuilder;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.NoteKind;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.QuantityFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a Markdown outage plan into a plan: {@link #importDocument} never throws; the result always loads
 * with {@link PlanLoader} (it is loaded from the YAML it returns) and comes with a report of what was
 * recognised, what was left as notes and what was decided.
 */
public final class MarkdownImporter {

    /**
     * No more of a Markdown document is read (the seed is about 40 KB): a bigger input is refused with one line
     * rather than parsed for minutes, and the plan built from the largest accepted one still loads. 20 MB is what
     * was measured to import within a 1 GB heap (about 6.5 s of CPU; docs/performance.md "Round 3", ADR 0017).
     */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final PlanLoader loader;
    private final PlanYaml yamlWriter = new PlanYaml();

    public MarkdownImporter() {
        this(new PlanLoader());
    }

    public MarkdownImporter(PlanLoader loader) {
        this.loader = loader;
    }

    public ImportResult importDocument(String sourceName, String markdown) {
        return importDocument(sourceName, markdown, ImportChoices.NONE);
    }

    /** As {@link #importDocument(String, String)}, with the operator's choices for some sections. */
    public ImportResult importDocument(String sourceName, String markdown, ImportChoices choices) {
        String source = sourceName == null || sourceName.isBlank() ? "document.md" : sourceName;
        ReportLog log = new ReportLog();
        Plan plan;
        try {
            plan = build(source, markdown == null ? "" : markdown, log, choices == null ? ImportChoices.NONE : choices);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in a recogniser must not cost the operator the document: keep it whole as a note.
            log.decided(0, "could not read the document's structure (" + e + "); kept the whole text as a note");
            plan = wholeDocumentAsNote(source, markdown == null ? "" : markdown);
        }
        return finish(source, plan, markdown == null ? "" : markdown, log);
    }

    private ImportResult finish(String source, Plan plan, String markdown, ReportLog log) {
        String header = "# Imported from " + oneLine(source) + " by incident-console import.\n"
                + "# Check it against the import report, then edit freely.\n";
        // Fallbacks are built only when needed: the whole-document note repairs the whole text again.
        List<Supplier<Plan>> attempts = List.of(() -> plan, () -> withShortNotes(plan, source),
                () -> wholeDocumentAsNote(source, markdown), () -> emptyPlan(source));
        for (int i = 0; i < attempts.size(); i++) {
            try {
                Plan attempt = attempts.get(i).get();
                String yaml = yamlWriter.write(attempt, header);
                long bytes = utf8Length(yaml);
                if (bytes > PlanLoader.MAX_BYTES) {
                    // Parsing it again only to be refused would cost as long as the import itself.
                    log.decided(0, "the plan built " + (i == 0 ? "from the document" : i == 1 ? "with shortened notes"
                            : "as a fallback") + " is " + QuantityFormat.compact(bytes / 1048576.0) + " MB of YAML, over the "
                            + QuantityFormat.compact(PlanLoader.MAX_BYTES / 1048576.0) + " MB a plan file may have; "
                            + "fell back to a simpler plan");
                    continue;
                }
                PlanLoadResult loaded = loader.load(source, yaml);
                if (loaded.ok()) {
                    return new ImportResult(loaded.plan(), yaml, log.build(source));
                }
                log.decided(0, "the plan built " + (i == 0 ? "from the document" : i == 1 ? "with shortened notes" : "as a fallback")
                        + " did not validate (" + loaded.problems().get(0) + (loaded.problems().size() > 1
                        ? " and " + (loaded.problems().size() - 1) + " more" : "") + "); fell back to a simpler plan");
            } catch (RuntimeException e) {
                log.decided(0, "could not write the plan as YAML (" + e.getMessage() + "); fell back to a simpler plan");
            }
        }
        throw new IllegalStateException("even an empty plan does not validate");
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : 3; // a pair is 4 bytes
        }
        return bytes;
    }

    private static final int SHORT_NOTE = 400;

    /**
     * The plan with each long note cut to its start, for documents whose plan file would be too large to load
     * (the loader refuses YAML over a few MB); the note says where the full text is.
     */
    private static Plan withShortNotes(Plan plan, String source) {
        List<Note> notes = new ArrayList<>();
        for (Note n : plan.notes()) {
            String body = n.body();
            if (body != null && body.length() > SHORT_NOTE) {
                body = body.substring(0, SHORT_NOTE) + "…\n\n[shortened on import: the plan file would be too large to load;"
                        + " the full text is in " + oneLine(source) + "]";
            }
            notes.add(new Note(n.id(), n.title(), n.kind(), n.issue(), n.phase(), body));
        }
        return PlanBuilder.from(plan).notes(notes).build();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\p{Cntrl}]", " ");
    }

    private static Plan emptyPlan(String source) {
        return new PlanBuilder().info(new InfoBuilder().title(titleFrom(source)).build()).build();
    }

    private static Plan wholeDocumentAsNote(String source, String markdown) {
        String text = InputRepair.repair(markdown).text();
        List<Note> notes = text.isBlank() ? List.of()
                : List.of(new Note("note-1", "Imported document", NoteKind.OTHER, null, null, text));
        return new PlanBuilder().info(new InfoBuilder().title(titleFrom(source)).build()).notes(notes).build();
    }

    private static String titleFrom(String source) {
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.(md|markdown|txt)$", "");
        name = oneLine(name).strip();
        return name.isEmpty() ? "Imported plan" : name;
    }

    private Plan build(String source, String markdown, ReportLog log, ImportChoices choices) {
        InputRepair.Repaired repaired = InputRepair.repair(markdown);
        if (repaired.mojibakeSequences() > 0) {
            log.decided(0, "repaired " + repaired.mojibakeSequences() + " mojibake sequences (UTF-8 read as Mac Roman, "
                    + "e.g. '‚Üí' → '→') before parsing; the importer then reads the real characters");
        }
        if (repaired.replacedCharacters() > 0) {
            log.decided(0, "replaced " + repaired.replacedCharacters() + " control or invalid characters by U+FFFD");
        }
        Outline outline = Outline.parse(repaired.text());
        String promoted = PlainHeadings.promote(outline, repaired.text(), log);
        if (!promoted.equals(repaired.text())) {
            outline = Outline.parse(promoted);
        }
        PlanDraft draft = new PlanReader(outline, log, choices).read(titleFrom(source));
        Plan plan = new PlanAssembler(log).assemble(draft);
        NestedItems.reportDropped(outline, plan, log);
        return plan;
    }
}
