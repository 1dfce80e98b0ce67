package io.incidentconsole.report;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Text from the plan or the journal can never become markup in a report. */
class ReportEscapingPropertyTest {

    private static String unescapeHtml(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Property(tries = 300)
    void htmlEscapingLeavesNoMarkupAndLosesNothing(
            @ForAll @StringLength(max = 60) @Chars({'<', '>', '&', '"', '\'', ';', '#', 'a', ' '})
            @CharRange(from = 'x', to = 'z') String text) {
        String escaped = ReportRenderer.escapeHtml(text);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(unescapeHtml(escaped)).isEqualTo(text);
    }

    @Property(tries = 300)
    void everyTextInAnHtmlReportStaysText(
            @ForAll @StringLength(max = 40) @Chars({'<', '>', '&', '"', '/', 's', 'c', 'r', 'i', 'p', 't', ' ', '\n'})
            String text) {
        ReportDocument document = new ReportDocument.Builder()
                .heading(2, "s", text).lead(text, text).bullets(List.of(text), "")
                .table(List.of(text), List.of(List.of(text))).code(null, text)
                .build(text);
        String html = ReportRenderer.html(document);
        String body = html.substring(html.indexOf("<body>"));
        assertThat(body.replaceAll("</?(main|section|h2|p|strong|ul|li|table|thead|tbody|tr|th|td|pre|code|body|html|br)"
                + "( id=\"s\")?>", "")).doesNotContain("<", ">");
    }

    @Property(tries = 300)
    void markdownEscapingKeepsEveryCharacterAndEscapesEverySpecialOne(
            @ForAll @StringLength(max = 60) @Chars({'*', '_', '`', '[', ']', '<', '>', '\\', '|', '#', 'a', ' '})
            String text) {
        String escaped = ReportRenderer.escapeMarkdown(text);
        StringBuilder unescaped = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\') {
                i++;
                assertThat(i).as("a backslash always escapes something").isLessThan(escaped.length());
                unescaped.append(escaped.charAt(i));
            } else {
                assertThat("*_`[]<>|\\").as("unescaped special character in %s", escaped).doesNotContain(
                        String.valueOf(c));
                unescaped.append(c);
            }
        }
        assertThat(unescaped.toString()).isEqualTo(text);
    }
}
