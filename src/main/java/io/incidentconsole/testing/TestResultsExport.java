package io.incidentconsole.testing;

import io.incidentconsole.incident.Event;
import io.incidentconsole.drill.Drills;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.TestSuite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The recorded test results of an incident as Markdown (for the ticket) or JUnit XML (for test dashboards).
 * Both are grouped by phase, then suite; a suite covering several phases appears under each, with the results
 * that count for that phase. Everything comes from the state, so the same journal always exports the same text.
 *
 * <p>JUnit XML has no "not run" or "blocked": both are written as {@code <skipped>} with a message saying which.
 * The operator, time, note and earlier results of each test are in its {@code <system-out>}.
 */
public final class TestResultsExport {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** xs:dateTime without a zone, as the JUnit schema's timestamp wants; the value is UTC. */
    private static final DateTimeFormatter JUNIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String HOSTNAME = "incident-console";

    private TestResultsExport() {
    }

    public static String export(IncidentState state, ExportFormat format) {
        return export(state, format, List.of());
    }

    /**
     * The export, carrying {@code warnings} (what reading the journal found: damage, unknown events) in its text:
     * a quoted warning under the Markdown title, an XML comment before the root of the JUnit XML, so the
     * file never presents a damaged incident's results as if they were complete.
     */
    public static String export(IncidentState state, ExportFormat format, List<String> warnings) {
        return export(state, format, warnings, false);
    }

    /**
     * As {@link #export(IncidentState, ExportFormat, List)}; a {@code drill}'s results say so in their title and in
     * every JUnit suite name ("DRILL — …"), so a dashboard never counts a rehearsal as a real run.
     */
    public static String export(IncidentState state, ExportFormat format, List<String> warnings, boolean drill) {
        String prefix = Drills.prefix(drill);
        String text = format == ExportFormat.MARKDOWN ? markdown(state, prefix) : junitXml(state, prefix);
        if (warnings.isEmpty()) {
            return text;
        }
        if (format == ExportFormat.MARKDOWN) {
            int afterTitle = text.indexOf("\n\n") + 2;
            StringBuilder quoted = new StringBuilder();
            warnings.forEach(w -> quoted.append("> **Warning:** ").append(inline(w)).append("\n>\n"));
            quoted.setLength(quoted.length() - 2);
            return text.substring(0, afterTitle) + quoted + "\n" + text.substring(afterTitle);
        }
        int afterDeclaration = text.indexOf("?>\n") + 3;
        StringBuilder comments = new StringBuilder();
        for (String warning : warnings) {
            // "--" may not appear inside an XML comment.
            comments.append("<!-- warning: ").append(Xml.escape(warning, false).replace("--", "- -")).append(" -->\n");
        }
        return text.substring(0, afterDeclaration) + comments + text.substring(afterDeclaration);
    }

    /** One group of the export: a phase with one suite's rows, or a suite that names no phase (phase null). */
    private record Group(Phase phase, TestSuite suite, List<TestRow> rows) {
        String phaseLabel() {
            return phase == null ? "Not tied to a phase" : issues(phase) + TestProgress.labelOf(phase) + ": " + phase.name();
        }
    }

    private static List<Group> groups(TestSheet sheet) {
        Plan plan = sheet.plan();
        List<Group> groups = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            List<TestRow> rows = sheet.rows(phase.id());
            for (TestSuite suite : plan.testSuitesOf(phase.id())) {
                groups.add(new Group(phase, suite, rows.stream().filter(r -> r.item().suite() == suite).toList()));
            }
        }
        List<TestRow> all = sheet.rows(null);
        for (TestSuite suite : plan.testSuites()) {
            if (suite.phases().stream().noneMatch(id -> plan.phase(id).isPresent())) {
                groups.add(new Group(null, suite, all.stream().filter(r -> r.item().suite() == suite).toList()));
            }
        }
        return groups;
    }

    // ---------------------------------------------------------------- Markdown

    public static String markdown(IncidentState state) {
        return markdown(state, "");
    }

    private static String markdown(IncidentState state, String prefix) {
        TestSheet sheet = new TestSheet(state.plan(), state);
        Plan plan = state.plan();
        StringBuilder out = new StringBuilder();
        out.append("# ").append(prefix).append("Test results: ").append(inline(plan.plan().title())).append("\n\n");
        state.started().ifPresent(started -> out.append("Incident ").append(inline(started.incidentId()))
                .append(", started by ").append(inline(started.operator())).append(" at ")
                .append(READABLE.format(started.at())).append(".  \n"));
        out.append("As of ").append(READABLE.format(asOf(state))).append(".\n\n");
        out.append("**").append(TestProgress.overall(sheet).phrase()).append("**\n");

        Phase current = null;
        boolean first = true;
        for (Group group : groups(sheet)) {
            if (first || group.phase() != current) {
                first = false;
                current = group.phase();
                out.append("\n## ").append(inline(group.phaseLabel()));
                if (current != null) {
                    TestProgress progress = TestProgress.ofPhase(sheet, current.id());
                    out.append(" (").append(progress.summary()).append(")\n");
                    if (progress.atRisk()) {
                        out.append("\n**Success at risk:** ").append(progress.failed())
                                .append(progress.failed() == 1 ? " test failed" : " tests failed")
                                .append(rollbackHint(plan, current)).append("\n");
                    }
                } else {
                    out.append("\n");
                }
            }
            out.append("\n### ").append(inline(group.suite().title()));
            if (group.suite().when() != null) {
                out.append(" (").append(inline(group.suite().when())).append(")");
            }
            out.append("\n\n| # | Test | Result | Note | By | At | Earlier results |\n");
            out.append("|---|---|---|---|---|---|---|\n");
            int n = 1;
            for (TestRow row : group.rows()) {
                TestResult latest = row.latest();
                out.append("| ").append(n++)
                        .append(" | ").append(cell(row.item().title() + (row.item().isCase()
                                ? " (" + row.tickedSteps().size() + "/" + row.item().steps().size() + " steps)" : "")))
                        .append(" | ").append(outcomeText(row.outcome()))
                        .append(" | ").append(cell(row.note()))
                        .append(" | ").append(latest == null ? "" : cell(latest.operator()))
                        .append(" | ").append(latest == null ? "" : READABLE.format(latest.at()))
                        .append(" | ").append(cell(earlier(row)))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    private static String rollbackHint(Plan plan, Phase phase) {
        List<Runbook> runbooks = plan.runbooksOf(phase.id());
        if (runbooks.isEmpty()) {
            return ".";
        }
        return "; check the rollback decision criteria of " + String.join(", ",
                runbooks.stream().map(r -> inline(r.title())).toList()) + ".";
    }

    private static String earlier(TestRow row) {
        List<TestRow.HistoryEntry> history = row.history();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < history.size() - 1; i++) {
            TestResult result = history.get(i).result();
            parts.add(outcomeText(result.outcome()) + " by " + result.operator() + " at " + READABLE.format(result.at())
                    + (result.note() == null || result.note().isBlank() ? "" : ": " + result.note()));
        }
        return String.join("; ", parts);
    }

    public static String outcomeText(TestOutcome outcome) {
        if (outcome == null) {
            return "not run";
        }
        return switch (outcome) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case SKIPPED -> "skipped";
            case BLOCKED -> "blocked";
        };
    }

    /** Text for a table cell: no line breaks, no pipes, no HTML. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        return inline(text).replace("|", "\\|").replace("\r\n", "\n").replace('\r', '\n').replace("\n", "<br>");
    }

    /** Text that Markdown renders as written: HTML is shown, not interpreted. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---------------------------------------------------------------- JUnit XML

    public static String junitXml(IncidentState state) {
        return junitXml(state, "");
    }

    private static String junitXml(IncidentState state, String prefix) {
        TestSheet sheet = new TestSheet(state.plan(), state);
        List<Group> groups = groups(sheet);
        Instant asOf = asOf(state);
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Group group : groups) {
            tests += group.rows().size();
            failures += (int) group.rows().stream().filter(TestRow::failed).count();
            skipped += (int) group.rows().stream().filter(r -> r.outcome() != TestOutcome.PASS && !r.failed()).count();
        }
        Xml xml = new Xml();
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.open("testsuites", "name", prefix + state.plan().plan().title(), "tests", tests, "failures", failures,
                "errors", 0, "skipped", skipped, "time", "0", "timestamp", JUNIT_TIME.format(asOf));
        xml.raw("\n");
        int id = 0;
        for (Group group : groups) {
            writeSuite(xml, state, group, id++, asOf, prefix);
        }
        xml.close("testsuites");
        xml.raw("\n");
        return xml.toString();
    }

    private static void writeSuite(Xml xml, IncidentState state, Group group, int id, Instant asOf, String prefix) {
        List<TestRow> rows = group.rows();
        long failures = rows.stream().filter(TestRow::failed).count();
        long skipped = rows.stream().filter(r -> r.outcome() != TestOutcome.PASS && !r.failed()).count();
        Instant first = rows.stream().flatMap(r -> r.history().stream()).map(h -> h.result().at())
                .min(Instant::compareTo).orElse(asOf);
        xml.raw("  ");
        xml.open("testsuite", "name", prefix + group.phaseLabel() + " / " + group.suite().title(), "id", id,
                "package", group.suite().id(), "tests", rows.size(), "failures", failures, "errors", 0,
                "skipped", skipped, "time", "0", "timestamp", JUNIT_TIME.format(first), "hostname", HOSTNAME);
        xml.raw("\n    ");
        xml.open("properties");
        xml.raw("\n");
        property(xml, "incident", state.started().map(StartRecord::incidentId).orElse(""));
        property(xml, "phase", group.phase() == null ? "" : group.phase().id());
        property(xml, "suite", group.suite().id());
        if (group.suite().issue() != null) {
            property(xml, "issue", group.suite().issue());
        }
        xml.raw("    ");
        xml.close("properties");
        xml.raw("\n");
        String classname = group.suite().id() + (group.phase() == null ? "" : "." + group.phase().id());
        for (TestRow row : rows) {
            xml.raw("    ");
            xml.open("testcase", "name", row.item().title(), "classname", classname, "time", "0");
            TestResult latest = row.latest();
            String note = row.note();
            if (row.failed()) {
                xml.empty("failure", "message", note.isBlank() ? "failed" : note, "type", "FAIL");
            } else if (row.outcome() != TestOutcome.PASS) {
                xml.empty("skipped", "message", outcomeText(row.outcome()) + (note.isBlank() ? "" : ": " + note));
            }
            if (latest != null) {
                xml.open("system-out");
                xml.text(systemOut(row));
                xml.close("system-out");
            }
            xml.close("testcase");
            xml.raw("\n");
        }
        xml.raw("  ");
        xml.close("testsuite");
        xml.raw("\n");
    }

    private static void property(Xml xml, String name, String value) {
        xml.raw("      ");
        xml.empty("property", "name", name, "value", value);
        xml.raw("\n");
    }

    /** Every result of the test, oldest first, one line each: outcome, operator, time, phase, then the note. */
    private static String systemOut(TestRow row) {
        StringBuilder out = new StringBuilder();
        for (TestRow.HistoryEntry entry : row.history()) {
            TestResult result = entry.result();
            out.append(outcomeText(result.outcome())).append(" by ").append(result.operator()).append(" at ")
                    .append(DateTimeFormatter.ISO_INSTANT.format(result.at()))
                    .append(entry.phaseId() == null ? " (all phases)" : " (phase " + entry.phaseId() + ")");
            if (result.note() != null && !result.note().isBlank()) {
                out.append("\nnote: ").append(result.note());
            }
            out.append('\n');
        }
        if (row.item().isCase()) {
            out.append("steps ticked: ").append(row.tickedSteps().size()).append('/')
                    .append(row.item().steps().size()).append('\n');
        }
        return out.toString();
    }

    private static Instant asOf(IncidentState state) {
        return state.lastEvent().map(Event::at)
                .or(() -> state.started().map(StartRecord::at))
                .orElse(Instant.EPOCH);
    }

    private static String issues(Phase phase) {
        return phase.issues().isEmpty() ? ""
                : String.join(" ", phase.issues().stream().map(i -> "#" + i).toList()) + " ";
    }

    /** A minimal XML writer: escapes every attribute value and text, and replaces characters XML 1.0 forbids. */
    static final class Xml {
        private final StringBuilder out = new StringBuilder();

        void raw(String text) {
            out.append(text);
        }

        void open(String name, Object... attributes) {
            start(name, attributes);
            out.append('>');
        }

        void empty(String name, Object... attributes) {
            start(name, attributes);
            out.append("/>");
        }

        void close(String name) {
            out.append("</").append(name).append('>');
        }

        void text(String text) {
            out.append(escape(text, false));
        }

        private void start(String name, Object... attributes) {
            out.append('<').append(name);
            for (int i = 0; i < attributes.length; i += 2) {
                out.append(' ').append(attributes[i]).append("=\"")
                        .append(escape(Objects.toString(attributes[i + 1], ""), true)).append('"');
            }
        }

        @Override
        public String toString() {
            return out.toString();
        }

        /**
         * In attributes, line breaks and tabs are written as character references: a parser would otherwise
         * normalise them to spaces. A carriage return is a reference everywhere (parsers drop it from text).
         */
        static String escape(String text, boolean attribute) {
            StringBuilder escaped = new StringBuilder(text.length() + 16);
            text.codePoints().forEach(c -> {
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append(attribute ? "&quot;" : "\"");
                    case '\'' -> escaped.append(attribute ? "&apos;" : "'");
                    case '\r' -> escaped.append("&#13;");
                    case '\n' -> escaped.append(attribute ? "&#10;" : "\n");
                    case '\t' -> escaped.append(attribute ? "&#9;" : "\t");
                    default -> {
                        if (allowed(c)) {
                            escaped.appendCodePoint(c);
                        } else {
                            escaped.append('\uFFFD');
                        }
                    }
                }
            });
            return escaped.toString();
        }

        private static boolean allowed(int c) {
            return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        }
    }
}
