package io.incidentconsole.testing;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

import static io.incidentconsole.incident.TestOutcome.BLOCKED;
import static io.incidentconsole.incident.TestOutcome.FAIL;
import static io.incidentconsole.incident.TestOutcome.PASS;
import static io.incidentconsole.incident.TestOutcome.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

class TestResultsExportTest {

    private static final String HOSTILE = "<b>500</b> & \"quoted\" 'single'\nsecond line | pipe ]]> \u0001end";

    private static IncidentState worked() {
        return new Journals()
                .result("t330-p2", "t330-p2.check-1", "p330-2", PASS, null)
                .result("t330-p2", "t330-p2.check-2", "p330-2", FAIL, HOSTILE)
                .result("t330-p2", "t330-p2.check-2", "p330-2", PASS, "fixed after redeploy")
                .result("t330-p2", "t330-p2.check-3", "p330-2", FAIL, "Azure tenant rejects the callback")
                .result("t330-p2", "t330-p2.check-4", "p330-2", BLOCKED, "no second org")
                .result("t330-p2", "t330-p2.check-5", "p330-2", SKIPPED, null)
                .add("bo", new EventPayload.TestStepTicked("t324-functional", "t324-functional.case-1", 1, true))
                .add("bo", new EventPayload.TestResultSet("t324-functional", "t324-functional.case-1", "p324-3",
                        PASS, null))
                .state();
    }

    private static Element testcase(Document document, String classname, String name) {
        for (Element suite : JUnitXml.children(document.getDocumentElement(), "testsuite")) {
            for (Element testcase : JUnitXml.children(suite, "testcase")) {
                if (testcase.getAttribute("classname").equals(classname) && testcase.getAttribute("name").equals(name)) {
                    return testcase;
                }
            }
        }
        throw new AssertionError("no testcase " + classname + " " + name);
    }

    @Test
    void junitXmlMeetsTheSchemasRequiredElementsAndCountsEveryResult() throws Exception {
        String xml = TestResultsExport.junitXml(worked());
        Document document = JUnitXml.checkRequired(xml);
        Element root = document.getDocumentElement();
        // 26 plan items, but the Phase 3-6 suite appears once for each of its three phases: 26 + 2 * 5.
        assertThat(root.getAttribute("tests")).isEqualTo("36");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(36 - 1 - 3));

        Element suite = JUnitXml.children(root, "testsuite").stream()
                .filter(s -> s.getAttribute("package").equals("t330-p2")).findFirst().orElseThrow();
        assertThat(suite.getAttribute("name")).isEqualTo("#330 Phase 2: Package Updates / Phase 2 Testing");
        assertThat(suite.getAttribute("tests")).isEqualTo("7");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("4");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-01-29T10:01:00");

        Element failed = testcase(document, "t330-p2.p330-2", "Microsoft Azure OAuth works");
        assertThat(JUnitXml.children(failed, "failure")).singleElement()
                .satisfies(f -> assertThat(f.getAttribute("message")).isEqualTo("Azure tenant rejects the callback"));
        Element blocked = testcase(document, "t330-p2.p330-2", "Organization switching works");
        assertThat(JUnitXml.children(blocked, "skipped")).singleElement()
                .satisfies(s -> assertThat(s.getAttribute("message")).isEqualTo("blocked: no second org"));
        Element notRun = testcase(document, "t330-p2.p330-2", "No adapter errors in logs");
        assertThat(JUnitXml.children(notRun, "skipped")).singleElement()
                .satisfies(s -> assertThat(s.getAttribute("message")).isEqualTo("not run"));
        assertThat(JUnitXml.children(notRun, "system-out")).isEmpty();

        Element rerun = testcase(document, "t330-p2.p330-2", "Google OAuth works");
        assertThat(JUnitXml.children(rerun, "failure")).as("the re-run passed").isEmpty();
        String out = JUnitXml.children(rerun, "system-out").get(0).getTextContent();
        assertThat(out).contains("FAIL by ana at 2026-01-29T10:02:00Z (phase p330-2)", "pass by ana at 2026-01-29T10:03:00Z",
                "note: fixed after redeploy");
        assertThat(out).as("the earlier note, escaped and read back intact (the control character replaced)")
                .contains("note: " + HOSTILE.replace('\u0001', '\uFFFD'));

        Element testCase = testcase(document, "t324-functional.p324-3", "Coach Voice Notes Approval");
        assertThat(JUnitXml.children(testCase, "system-out").get(0).getTextContent())
                .contains("pass by bo", "steps ticked: 1/6");

        List<Element> properties = JUnitXml.children(JUnitXml.children(suite, "properties").get(0), "property");
        assertThat(properties).extracting(p -> p.getAttribute("name") + "=" + p.getAttribute("value"))
                .contains("incident=inc-1", "phase=p330-2", "suite=t330-p2", "issue=330");
    }

    @Test
    void attributesKeepLineBreaksQuotesAndAngleBrackets() throws Exception {
        IncidentState state = new Journals()
                .result("t330-p1", "t330-p1.check-1", "p330-1", FAIL, "a < b & \"c\"\nline two\r\nthree\ttab")
                .state();
        String xml = TestResultsExport.junitXml(state);
        assertThat(xml).contains("message=\"a &lt; b &amp; &quot;c&quot;&#10;line two&#13;&#10;three&#9;tab\"");
        Document document = JUnitXml.checkRequired(xml);
        Element failed = testcase(document, "t330-p1.p330-1", "Platform comes back online");
        assertThat(JUnitXml.children(failed, "failure").get(0).getAttribute("message"))
                .isEqualTo("a < b & \"c\"\nline two\r\nthree\ttab");
    }

    @Test
    void junitXmlOfAnIncidentWithoutResultsIsStillValid() throws Exception {
        Document document = JUnitXml.checkRequired(TestResultsExport.junitXml(new Journals().state()));
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(document.getDocumentElement().getAttribute("skipped")).isEqualTo("36");
    }

    @Test
    void markdownHasProgressPerPhaseAtRiskTheRollbackCriteriaAndEscapedCells() {
        String markdown = TestResultsExport.markdown(worked());
        assertThat(markdown).startsWith("# Test results: ");
        assertThat(markdown).contains("Incident inc-1, started by ana at 2026-01-29 10:00 UTC.");
        assertThat(markdown).contains("**All phases: 3/26 passed, 1 failed, 1 blocked, 1 skipped**");
        assertThat(markdown).contains("## #330 Phase 2: Package Updates (2/7 passed, 1 failed, 1 blocked, 1 skipped)");
        assertThat(markdown).contains("**Success at risk:** 1 test failed; check the rollback decision criteria of "
                + "#330 Rollback Strategy.");
        assertThat(markdown).contains("| 3 | Microsoft Azure OAuth works | FAIL | Azure tenant rejects the callback | ana "
                + "| 2026-01-29 10:04 UTC |  |");
        assertThat(markdown).contains("| 7 | No adapter errors in logs | not run |  |  |  |  |");
        assertThat(markdown).contains("| 1 | Coach Voice Notes Approval (1/6 steps) | pass |  | bo |");
        // The earlier result of the re-run, its note made safe for a table cell.
        assertThat(markdown).contains("FAIL by ana at 2026-01-29 10:02 UTC: &lt;b&gt;500&lt;/b&gt; &amp; \"quoted\" "
                + "'single'<br>second line \\| pipe ]]&gt; \u0001end |");
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| ")) {
                assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
                        .as("every table row has 8 cell borders: %s", line).isEqualTo(8);
            }
        }
    }

    @Test
    void exportPicksTheFormat() {
        IncidentState state = worked();
        assertThat(TestResultsExport.export(state, ExportFormat.MARKDOWN)).isEqualTo(TestResultsExport.markdown(state));
        assertThat(TestResultsExport.export(state, ExportFormat.JUNIT)).isEqualTo(TestResultsExport.junitXml(state));
    }
}
