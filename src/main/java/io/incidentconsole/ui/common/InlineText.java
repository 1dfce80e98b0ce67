package io.incidentconsole.ui.common;

import javafx.scene.layout.Region;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * Plan text with Markdown inline code ("Fix `getMembersForAllOrganizations` N+1") shown the way it is meant: the
 * code in the code font on the code background, the rest as prose that wraps at word boundaries. Emoji become
 * symbols the UI font draws ({@link Glyphs}).
 */
public final class InlineText {

    /** The style class of the flow; prose is {@code .inline-prose}, code {@code .inline-code}. */
    public static final String FLOW = "inline-text";

    private InlineText() {
    }

    /** One run of the text: prose or code, without the backticks. */
    public record Span(String text, boolean code) {
    }

    /** Splits on backtick pairs; an unpaired backtick stays as written. */
    public static List<Span> spans(String markdown) {
        List<Span> spans = new ArrayList<>();
        if (markdown == null || markdown.isEmpty()) {
            return spans;
        }
        int at = 0;
        while (at < markdown.length()) {
            int open = markdown.indexOf('`', at);
            int close = open < 0 ? -1 : markdown.indexOf('`', open + 1);
            if (open < 0 || close < 0) {
                spans.add(new Span(markdown.substring(at), false));
                break;
            }
            if (open > at) {
                spans.add(new Span(markdown.substring(at, open), false));
            }
            if (close > open + 1) {
                spans.add(new Span(markdown.substring(open + 1, close), true));
            }
            at = close + 1;
        }
        return spans;
    }

    /** The text without the backticks, emoji made drawable: for places that can only show plain text. */
    public static String plain(String markdown) {
        StringBuilder out = new StringBuilder();
        spans(markdown).forEach(s -> out.append(s.text()));
        return Glyphs.displayable(out.toString());
    }

    public static boolean hasCode(String markdown) {
        return spans(markdown).stream().anyMatch(Span::code);
    }

    /**
     * A wrapping node for the text with the given style classes: a plain wrapping {@link Label} when there is no
     * inline code (so it looks and measures exactly like every other label), else a {@link TextFlow}.
     */
    public static Region of(String markdown, String... styleClasses) {
        if (!hasCode(markdown)) {
            Label label = new Label(Glyphs.displayable(markdown));
            label.setWrapText(true);
            label.setMnemonicParsing(false);
            label.getStyleClass().addAll(styleClasses);
            return label;
        }
        TextFlow flow = flow(markdown);
        flow.getStyleClass().addAll(styleClasses);
        return flow;
    }

    /** The text as a flow of prose and code runs (style class {@link #FLOW}). */
    public static TextFlow flow(String markdown) {
        TextFlow flow = new TextFlow();
        fill(flow, markdown);
        return flow;
    }

    /**
     * Replaces what {@code flow} shows; {@code runClasses} go on every run too (e.g. a table's cell text class). Runs
     * of the same kinds change their text in place: a new node makes JavaFX style the scene again, and the frame after
     * that is painted whole (a table cell refilled on every event cost a full-window paint each time, issue 22).
     */
    public static void fill(TextFlow flow, String markdown, String... runClasses) {
        if (!flow.getStyleClass().contains(FLOW)) {
            flow.getStyleClass().add(FLOW);
        }
        List<Span> spans = spans(markdown);
        List<String> classes = List.of(runClasses);
        if (!refill(flow, spans, classes)) {
            List<Text> runs = new ArrayList<>();
            for (Span span : spans) {
                Text run = new Text(Glyphs.displayable(span.text()));
                run.getStyleClass().add(runClass(span));
                run.getStyleClass().addAll(classes);
                runs.add(run);
            }
            flow.getChildren().setAll(runs);
        }
        // Screen readers and tests read the whole sentence without the Markdown.
        flow.setAccessibleText(plain(markdown));
    }

    /** Sets the texts of the runs the flow has, when they are as many and of the same kinds; false when they are not. */
    private static boolean refill(TextFlow flow, List<Span> spans, List<String> classes) {
        List<Node> runs = flow.getChildren();
        if (runs.size() != spans.size()) {
            return false;
        }
        for (int i = 0; i < spans.size(); i++) {
            if (!(runs.get(i) instanceof Text run) || !run.getStyleClass().get(0).equals(runClass(spans.get(i)))
                    || !run.getStyleClass().subList(1, run.getStyleClass().size()).equals(classes)) {
                return false;
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            ((Text) runs.get(i)).setText(Glyphs.displayable(spans.get(i).text()));
        }
        return true;
    }

    private static String runClass(Span span) {
        return span.code() ? "inline-code" : "inline-prose";
    }
}
