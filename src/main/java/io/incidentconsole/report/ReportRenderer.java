package io.incidentconsole.report;

import io.incidentconsole.output.SafeText;

import io.incidentconsole.report.ReportDocument.Block;
import io.incidentconsole.report.ReportDocument.BulletList;
import io.incidentconsole.report.ReportDocument.Code;
import io.incidentconsole.report.ReportDocument.Heading;
import io.incidentconsole.report.ReportDocument.Image;
import io.incidentconsole.report.ReportDocument.Paragraph;
import io.incidentconsole.report.ReportDocument.Table;

import java.util.List;
import java.util.function.Function;

/** Turns a {@link ReportDocument} into Markdown or into a standalone HTML page. */
public final class ReportRenderer {

    private ReportRenderer() {
    }

    /**
     * Markdown. {@code imageTarget} gives the link of each image (a relative file name, or its data URI); when
     * it is null the images are left out and a line says where to find them.
     */
    public static String markdown(ReportDocument document, Function<Image, String> imageTarget) {
        StringBuilder out = new StringBuilder();
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(escapeMarkdown(h.text())).append("\n\n");
            } else if (block instanceof Paragraph p) {
                if (p.lead() != null) {
                    out.append("**").append(escapeMarkdown(p.lead())).append("** ");
                }
                String text = escapeMarkdown(p.text()).replace("\n", "  \n");
                out.append(p.italic() && !text.isEmpty() ? "_" + text + "_" : text).append("\n\n");
            } else if (block instanceof BulletList l) {
                for (String item : l.items()) {
                    out.append("- ").append(escapeMarkdown(item).replace("\n", "\n  ")).append('\n');
                }
                out.append('\n');
            } else if (block instanceof Table t) {
                out.append('|');
                t.headers().forEach(h -> out.append(' ').append(cell(h)).append(" |"));
                out.append("\n|");
                t.headers().forEach(h -> out.append("---|"));
                out.append('\n');
                for (List<String> row : t.rows()) {
                    out.append('|');
                    row.forEach(c -> out.append(' ').append(cell(c)).append(" |"));
                    out.append('\n');
                }
                out.append('\n');
            } else if (block instanceof Code c) {
                String fence = fence(c.text());
                out.append(fence).append(c.language() == null ? "" : c.language()).append('\n')
                        .append(c.text().endsWith("\n") ? c.text() : c.text() + "\n").append(fence).append("\n\n");
            } else if (block instanceof Image i) {
                if (imageTarget == null) {
                    out.append("_Chart “").append(escapeMarkdown(i.alt()))
                            .append("” is in the HTML report and when the report is written to a file._\n\n");
                } else {
                    out.append("![").append(escapeMarkdown(i.alt())).append("](").append(imageTarget.apply(i))
                            .append(")\n\n");
                }
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** A standalone page: inline CSS, images as data URIs, every text escaped. */
    public static String html(ReportDocument document) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escapeHtml(document.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<main>\n");
        boolean inSection = false;
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                if (h.level() == 2) {
                    if (inSection) {
                        out.append("</section>\n");
                    }
                    out.append("<section");
                    if (h.anchor() != null) {
                        out.append(" id=\"").append(escapeHtml(h.anchor())).append('"');
                    }
                    out.append(">\n");
                    inSection = true;
                    out.append("<h2>").append(escapeHtml(h.text())).append("</h2>\n");
                } else {
                    out.append("<h").append(h.level());
                    if (h.anchor() != null) {
                        out.append(" id=\"").append(escapeHtml(h.anchor())).append('"');
                    }
                    out.append('>').append(escapeHtml(h.text())).append("</h").append(h.level()).append(">\n");
                }
            } else if (block instanceof Paragraph p) {
                out.append(p.italic() ? "<p class=\"prompt\">" : "<p>");
                if (p.lead() != null) {
                    out.append("<strong>").append(escapeHtml(p.lead())).append("</strong> ");
                }
                out.append(escapeHtml(p.text()).replace("\n", "<br>\n")).append("</p>\n");
            } else if (block instanceof BulletList l) {
                out.append("<ul>\n");
                l.items().forEach(item -> out.append("<li>").append(escapeHtml(item).replace("\n", "<br>\n"))
                        .append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Table t) {
                out.append("<table>\n<thead><tr>");
                t.headers().forEach(h -> out.append("<th>").append(escapeHtml(h)).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    out.append("<tr>");
                    row.forEach(c -> out.append("<td>").append(escapeHtml(c)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            } else if (block instanceof Code c) {
                out.append("<pre><code>").append(escapeHtml(c.text())).append("</code></pre>\n");
            } else if (block instanceof Image i) {
                out.append("<figure><img src=\"").append(i.dataUri()).append("\" alt=\"").append(escapeHtml(i.alt()))
                        .append("\" width=\"").append(i.width()).append("\" height=\"").append(i.height())
                        .append("\"><figcaption>").append(escapeHtml(i.alt())).append("</figcaption></figure>\n");
            }
        }
        if (inSection) {
            out.append("</section>\n");
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /**
     * Text that shows as written in HTML (and inside attribute values); control and bidirectional-override
     * characters are dropped (see {@link SafeText}).
     */
    public static String escapeHtml(String raw) {
        String text = SafeText.stripped(raw);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text that shows as written in Markdown: characters that would start emphasis, code, links, raw HTML or (at the start
     * of a line) a heading are backslash-escaped (CommonMark allows that for any ASCII punctuation).
     */
    public static String escapeMarkdown(String text) {
        return escapeMarkdown(text, true);
    }

    private static String escapeMarkdown(String text, boolean startsLine) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean lineStart = startsLine;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0 || c == '#' && lineStart && startsHeading(text, i)) {
                out.append('\\');
            }
            out.append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }
        return out.toString();
    }

    /** An ATX heading is one to six '#' followed by a space or the end of the line ("#330" is not one). */
    private static boolean startsHeading(String text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == '#') {
            i++;
        }
        return i - at <= 6 && (i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t'
                || text.charAt(i) == '\n');
    }

    private static String cell(String text) {
        return escapeMarkdown(text, false).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String fence(String code) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < code.length(); i++) {
            run = code.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d232b;
                   background: #f6f7f9; margin: 0; line-height: 1.45; }
            main { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px; background: #ffffff; }
            h1 { font-size: 1.7em; border-bottom: 3px solid #2f6fb3; padding-bottom: 6px; }
            h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #d4d9e0; padding-bottom: 4px;
                 color: #2f6fb3; }
            h3 { font-size: 1.08em; margin-bottom: 0.3em; }
            h4 { font-size: 1em; margin-bottom: 0.2em; color: #47505c; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92em; }
            th, td { border: 1px solid #d4d9e0; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #eef1f5; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            pre { background: #1f252d; color: #e6e9ee; padding: 10px 12px; overflow-x: auto; font-size: 0.85em;
                  border-radius: 4px; }
            figure { margin: 12px 0 20px; }
            figure img { max-width: 100%; height: auto; border: 1px solid #d4d9e0; }
            figcaption { font-size: 0.85em; color: #5b6572; }
            p.prompt { color: #8a5a00; font-style: italic; }
            """;
}
