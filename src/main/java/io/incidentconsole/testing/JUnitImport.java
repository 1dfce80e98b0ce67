package io.incidentconsole.testing;

import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanItems;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CI run's JUnit XML read against a plan: each {@code <testcase>} whose name is a test item's id, or its text
 * (Markdown, case and spacing aside), gives that item a result; the others are listed as not matched.
 */
public final class JUnitImport {

    /** One {@code <testcase>}: its name and class, what it says, and the failure or skip message. */
    public record CaseResult(String name, String className, TestOutcome outcome, String message) {
    }

    /** A case matched to a plan item. */
    public record Match(PlanItems.TestItemRef item, CaseResult result) {
    }

    /** What the file gave: matches in file order, and the cases no item matched. */
    public record Outcome(List<Match> matched, List<CaseResult> unmatched) {
        public Outcome {
            matched = List.copyOf(matched);
            unmatched = List.copyOf(unmatched);
        }
    }

    /** The file could not be read as JUnit XML; the message says where. */
    public static final class BadReportException extends Exception {
        private static final long serialVersionUID = 1L;

        public BadReportException(String message) {
            super(message);
        }
    }

    private JUnitImport() {
    }

    public static List<CaseResult> read(String source, InputStream in) throws BadReportException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A CI artifact is not trusted input: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(in);
        } catch (SAXParseException e) {
            throw new BadReportException(source + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": not JUnit XML: " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new BadReportException(source + ": cannot read it as JUnit XML: " + e.getMessage());
        }
        NodeList cases = document.getElementsByTagName("testcase");
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            String name = testCase.getAttribute("name");
            TestOutcome outcome = TestOutcome.PASS;
            String message = null;
            Optional<Element> failure = child(testCase, "failure").or(() -> child(testCase, "error"));
            Optional<Element> skipped = child(testCase, "skipped");
            if (failure.isPresent()) {
                outcome = TestOutcome.FAIL;
                message = text(failure.get());
            } else if (skipped.isPresent()) {
                outcome = TestOutcome.SKIPPED;
                message = text(skipped.get());
            }
            results.add(new CaseResult(name, testCase.getAttribute("classname"), outcome, message));
        }
        if (results.isEmpty() && !"testsuite".equals(document.getDocumentElement().getTagName())
                && !"testsuites".equals(document.getDocumentElement().getTagName())) {
            throw new BadReportException(source + ": not JUnit XML: the root element is <"
                    + document.getDocumentElement().getTagName() + ">, not <testsuites> or <testsuite>");
        }
        return results;
    }

    /** Matches each case to the plan's test item with its id or its text. */
    public static Outcome match(Plan plan, List<CaseResult> results) {
        List<Match> matched = new ArrayList<>();
        List<CaseResult> unmatched = new ArrayList<>();
        List<PlanItems.TestItemRef> items = new ArrayList<>();
        for (var suite : plan.testSuites()) {
            suite.checks().stream().filter(c -> c.id() != null)
                    .forEach(c -> items.add(new PlanItems.TestItemRef(suite.id(), c.id(), c.text())));
            suite.cases().stream().filter(c -> c.id() != null)
                    .forEach(c -> items.add(new PlanItems.TestItemRef(suite.id(), c.id(), c.name())));
        }
        for (CaseResult result : results) {
            Optional<PlanItems.TestItemRef> item = items.stream().filter(i -> i.testId().equals(result.name()))
                    .findFirst()
                    .or(() -> items.stream().filter(i -> PlanItems.sameText(i.text(), result.name())).findFirst());
            if (item.isPresent()) {
                matched.add(new Match(item.get(), result));
            } else {
                unmatched.add(result);
            }
        }
        return new Outcome(matched, unmatched);
    }

    private static Optional<Element> child(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? Optional.empty() : Optional.of((Element) list.item(0));
    }

    private static String text(Element element) {
        String message = element.getAttribute("message");
        if (!message.isBlank()) {
            return message.strip();
        }
        String body = element.getTextContent();
        return body == null || body.isBlank() ? null : body.strip().lines().findFirst().orElse(null);
    }
}
