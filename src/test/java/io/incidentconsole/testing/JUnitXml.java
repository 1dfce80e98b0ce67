package io.incidentconsole.testing;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads JUnit XML back with the JDK's DOM parser and checks what the JUnit schema (the one test dashboards use)
 * requires: testsuite name/tests/failures/errors/time/timestamp/hostname, testcase name/classname, and counts
 * that agree with the test cases.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** Asserts the document meets the schema's required elements and attributes; returns it. */
    public static Document checkRequired(String xml) throws Exception {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).isNotEmpty();
        for (Element suite : suites) {
            for (String attribute : List.of("name", "tests", "failures", "errors", "time", "timestamp", "hostname")) {
                assertThat(suite.hasAttribute(attribute)).as("testsuite@%s", attribute).isTrue();
            }
            assertThat(suite.getAttribute("name")).isNotBlank();
            assertThat(suite.getAttribute("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
            List<Element> cases = children(suite, "testcase");
            int suiteFailures = 0;
            int suiteSkipped = 0;
            for (Element testcase : cases) {
                assertThat(testcase.getAttribute("name")).as("testcase@name").isNotBlank();
                assertThat(testcase.getAttribute("classname")).as("testcase@classname").isNotBlank();
                assertThat(testcase.hasAttribute("time")).isTrue();
                int outcomes = children(testcase, "failure").size() + children(testcase, "skipped").size()
                        + children(testcase, "error").size();
                assertThat(outcomes).as("at most one outcome element per testcase").isLessThanOrEqualTo(1);
                suiteFailures += children(testcase, "failure").size();
                suiteSkipped += children(testcase, "skipped").size();
            }
            assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.size());
            assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(suiteFailures);
            assertThat(Integer.parseInt(suite.getAttribute("skipped"))).isEqualTo(suiteSkipped);
            assertThat(suite.getAttribute("errors")).isEqualTo("0");
            tests += cases.size();
            failures += suiteFailures;
            skipped += suiteSkipped;
        }
        assertThat(Integer.parseInt(root.getAttribute("tests"))).isEqualTo(tests);
        assertThat(Integer.parseInt(root.getAttribute("failures"))).isEqualTo(failures);
        assertThat(Integer.parseInt(root.getAttribute("skipped"))).isEqualTo(skipped);
        return document;
    }
}
