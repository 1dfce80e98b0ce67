package io.incidentconsole.report;

import io.incidentconsole.drill.Drills;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A report as a list of blocks, so that the Markdown and the HTML come from one source and every piece of text
 * is escaped by the renderer for its format (text from the plan or the journal is never trusted as markup).
 */
public final class ReportDocument {

    /** One piece of a report. */
    public sealed interface Block {
    }

    /** A heading; {@code anchor} becomes the HTML id of the section. */
    public record Heading(int level, String anchor, String text) implements Block {
        public Heading {
            if (level < 1 || level > 4) {
                throw new IllegalArgumentException("heading level 1-4, got " + level);
            }
            Objects.requireNonNull(text, "text");
        }
    }

    /** A paragraph: an optional bold lead-in ("Overall status:") and its text, optionally in italics. */
    public record Paragraph(String lead, String text, boolean italic) implements Block {
        public Paragraph {
            text = text == null ? "" : text;
        }
    }

    public record BulletList(List<String> items) implements Block {
        public BulletList {
            items = List.copyOf(items);
        }
    }

    public record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells, the table "
                            + headers.size() + " columns");
                }
            }
        }
    }

    /** Preformatted text (a script), shown as it is. */
    public record Code(String language, String text) implements Block {
    }

    /** A PNG image; {@code name} is a file-safe name for writing it next to a Markdown file. */
    public record Image(String name, String alt, byte[] png, int width, int height) implements Block {
        public Image {
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        public String dataUri() {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    private final String title;
    private final List<Block> blocks;

    public ReportDocument(String title, List<Block> blocks) {
        this.title = Objects.requireNonNull(title, "title");
        this.blocks = List.copyOf(blocks);
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /**
     * The document with a warning paragraph for each of {@code warnings} (what reading the journal found) right
     * after its title heading, so a report of a damaged incident says so in its text.
     */
    public ReportDocument withWarnings(List<String> warnings) {
        if (warnings.isEmpty()) {
            return this;
        }
        List<Block> with = new ArrayList<>(blocks);
        int at = !with.isEmpty() && with.get(0) instanceof Heading ? 1 : 0;
        for (String warning : warnings) {
            with.add(at++, new Paragraph("Warning:", warning, false));
        }
        return new ReportDocument(title, with);
    }

    /**
     * The document of a drill: "DRILL — " before its title and first heading, and a line under that heading saying
     * it was a rehearsal, so no update or report of a drill can be taken for a real incident's. Unchanged when
     * {@code drill} is false.
     */
    public ReportDocument markedAsDrill(boolean drill) {
        if (!drill || title.startsWith(Drills.prefix(true))) {
            return this;
        }
        List<Block> with = new ArrayList<>(blocks);
        int at = 0;
        if (!with.isEmpty() && with.get(0) instanceof Heading heading) {
            with.set(0, new Heading(heading.level(), heading.anchor(),
                    Drills.prefix(true) + heading.text()));
            at = 1;
        }
        with.add(at, new Paragraph(Drills.MARK + ":",
                "a rehearsal (game day), not a real incident.", false));
        return new ReportDocument(Drills.prefix(true) + title, with);
    }

    public List<Image> images() {
        return blocks.stream().filter(Image.class::isInstance).map(Image.class::cast).toList();
    }

    /** Collects blocks in order. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();

        public Builder heading(int level, String anchor, String text) {
            blocks.add(new Heading(level, anchor, text));
            return this;
        }

        public Builder paragraph(String text) {
            blocks.add(new Paragraph(null, text, false));
            return this;
        }

        public Builder lead(String lead, String text) {
            blocks.add(new Paragraph(lead, text, false));
            return this;
        }

        public Builder italic(String text) {
            blocks.add(new Paragraph(null, text, true));
            return this;
        }

        /** A list, or {@code whenEmpty} as an italic paragraph when there is nothing to list. */
        public Builder bullets(List<String> items, String whenEmpty) {
            if (items.isEmpty()) {
                return italic(whenEmpty);
            }
            blocks.add(new BulletList(items));
            return this;
        }

        public Builder table(List<String> headers, List<List<String>> rows) {
            blocks.add(new Table(headers, rows));
            return this;
        }

        public Builder code(String language, String text) {
            blocks.add(new Code(language, text));
            return this;
        }

        public Builder image(Image image) {
            blocks.add(image);
            return this;
        }

        public ReportDocument build(String title) {
            return new ReportDocument(title, blocks);
        }
    }
}
