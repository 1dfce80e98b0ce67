package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.SuiteDraft;
import io.incidentconsole.importer.MdText.Field;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.TestCase;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Testing sections: a suite per labelled checklist (with the phases its label names and the "(when)" aside),
 * test cases ("Test Case 1: …" with steps and an expected result) and audit gates.
 */
final class TestingRecogniser {

    private static final Pattern TEST_CASE = Pattern.compile("(?i)^test\\s*case\\s*#?(\\d+)?\\s*[:.—–-]?\\s*(.*)$");
    private static final Pattern AUDIT = Pattern.compile("\\baudit\\b");
    private static final Pattern SUITE_LABEL = Pattern.compile("\\b(tests?|testing|checks?|checklist|regression|verification)\\b");
    private static final Pattern WHEN_ASIDE = Pattern.compile("\\(([^)]*)\\)\\s*$");

    private static final Pattern CASE_TITLE = Pattern.compile("(?i)^(\\d+(\\.\\d+)+\\s|test case\\b|scenario\\b|tc[-\\s]?\\d|verify that\\b)");
    private static final Pattern CASES_PARENT = Pattern.compile("(?i)\\btest cases?\\b|\\bscenarios?\\b");
    private static final Pattern EXPECTED_LABEL = Pattern.compile("(?i)^(verify|expected|then|assert|result|outcome)");
    private static final Pattern GHERKIN = Pattern.compile("(?i)^(given|when|and|but|then)\\b\\s*(.*)$");

    private final ReadContext ctx;
    private final Map<Section, SuiteDraft> caseSuites = new IdentityHashMap<>();
    private final AuditRecogniser audits;

    TestingRecogniser(ReadContext ctx, AuditRecogniser audits) {
        this.ctx = ctx;
        this.audits = audits;
    }

    void section(Section section) {
        if (section.children.isEmpty() && (CASE_TITLE.matcher(section.title).find()
                || section.parent != null && CASES_PARENT.matcher(section.parent.title).find())) {
            caseSection(section);
            return;
        }
        SuiteDraft current = null;
        for (Unit unit : ctx.units(section)) {
            String label = unit.label();
            String issue = ctx.issueContext(section, unit.labelNode() == null ? null : label);
            String l = label.toLowerCase(Locale.ROOT);
            Matcher testCase = TEST_CASE.matcher(label);
            if (testCase.matches()) {
                current = testCase(unit, testCase, issue, current);
                continue;
            }
            if (AUDIT.matcher(l).find()) {
                audits.unit(unit, issue);
                continue;
            }
            List<Item> items = new ArrayList<>();
            List<Node> lists = new ArrayList<>();
            for (Node block : unit.blocks()) {
                if (block instanceof ListBlock list) {
                    items.addAll(MdText.items(list));
                    lists.add(list);
                }
            }
            boolean heading = unit.labelNode() == null;
            if (items.isEmpty() && !(heading || !SUITE_LABEL.matcher(l).find())) {
                // a suite title with its cases to follow ("Functional Testing (After Code Changes):")
                current = newSuite(unit, issue);
                ctx.markLabel(unit);
                continue;
            }
            if (items.isEmpty()) {
                continue;
            }
            current = newSuite(unit, issue);
            ReadContext.addChecks(current, items);
            ctx.useAll(lists);
            ctx.markLabel(unit);
        }
    }

    /** A test case from the unit; the suite the cases go to (a new "Test cases" suite when the issue changes). */
    private SuiteDraft testCase(Unit unit, Matcher testCase, String issue, SuiteDraft current) {
        List<String> steps = new ArrayList<>();
        String expected = null;
        for (Node block : unit.blocks()) {
            if (block instanceof ListBlock list) {
                for (Item item : MdText.items(list)) {
                    if (item.text().toLowerCase(Locale.ROOT).startsWith("expected")) {
                        expected = Outline.stripColon(item.text().replaceFirst("(?i)^expected( result)?:?", "")).strip();
                    } else if (!item.text().isBlank()) {
                        steps.add(item.text());
                    }
                }
                ctx.use(list);
            } else if (block instanceof Paragraph p) {
                for (Field f : MdText.fields(p)) {
                    if (f.key().toLowerCase(Locale.ROOT).startsWith("expected")) {
                        expected = f.value();
                        ctx.use(p);
                    }
                }
            }
        }
        if (steps.isEmpty()) {
            return current;
        }
        SuiteDraft suite = current;
        if (suite == null || !Objects.equals(suite.issue, issue)) {
            suite = ctx.suite("t" + (issue == null ? "" : issue.toLowerCase(Locale.ROOT)) + "-cases", "Test cases", issue, unit.line());
        }
        String name = testCase.group(2).isBlank() ? unit.label() : testCase.group(2);
        suite.cases.add(new TestCase(null, name, steps, expected));
        ctx.log.recognised("test case", suite.id, name, unit.line(), steps.size() + " steps");
        ctx.markLabel(unit);
        return suite;
    }

    private SuiteDraft newSuite(Unit unit, String issue) {
        String label = unit.label();
        List<Refs.PhaseRef> refs = Refs.phases(label);
        String prefix = "t" + (issue == null ? "" : issue.toLowerCase(Locale.ROOT));
        String base;
        if (!refs.isEmpty()) {
            Refs.PhaseRef r = refs.get(0);
            base = prefix + "-p" + r.from() + (r.to() != r.from() ? "-" + r.to() : "");
        } else {
            String words = label.replaceAll("\\([^)]*\\)", "").replaceAll("(?i)#\\d+|\\btest(s|ing)?\\b", "");
            String slug = Refs.slug(words, 1);
            base = prefix + "-" + (slug.isEmpty() ? "checks" : slug);
        }
        Matcher when = WHEN_ASIDE.matcher(label);
        String suiteTitle = Outline.stripColon(label);
        String whenText = null;
        if (when.find() && when.start() > 0) {
            whenText = when.group(1).strip();
            suiteTitle = label.substring(0, when.start()).strip();
        }
        SuiteDraft suite = ctx.suite(base, suiteTitle, issue, unit.line());
        suite.when = whenText;
        for (PhaseDraft p : ctx.phases.refsIn(label, issue)) {
            if (!suite.phases.contains(p.id)) {
                suite.phases.add(p.id);
            }
        }
        suite.phasesGiven = !refs.isEmpty();
        return suite;
    }

    /**
     * A section that is one test case ("1.1 Login works", "Scenario: …", "Verify that …", or any section under
     * "Test cases"): its shell blocks and list items are the steps, what its "Verify:" / "Expected" / "Then"
     * parts say is the expected result; Given/When/Then lines split the same way.
     */
    private void caseSection(Section section) {
        List<String> steps = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Unit unit : ctx.units(section)) {
            boolean expecting = unit.labelNode() != null && EXPECTED_LABEL.matcher(unit.label()).find();
            for (Node block : unit.blocks()) {
                String code = ReadContext.code(block);
                if (code != null) {
                    Commands.steps(code).forEach(s -> steps.add(s.command() != null ? s.command() : s.title()));
                    ctx.use(block);
                } else if (block instanceof ListBlock list) {
                    for (Item item : MdText.items(list)) {
                        caseLine(item.text(), expecting, steps, expected);
                    }
                    ctx.use(list);
                } else if (block instanceof Paragraph p) {
                    boolean any = false;
                    for (Field line : MdText.lines(p)) {
                        Matcher g = GHERKIN.matcher(line.value().strip());
                        if (g.matches()) {
                            caseLine(line.value().strip(), expecting, steps, expected);
                            any = true;
                        }
                    }
                    if (any) {
                        ctx.use(p);
                    }
                }
            }
            if (expecting) {
                ctx.markLabel(unit);
            }
        }
        steps.removeIf(String::isBlank);
        if (steps.isEmpty() && expected.isEmpty()) {
            return;
        }
        if (steps.isEmpty()) {
            steps.add("Check the expected result");
        }
        Section group = section.parent != null && section.parent.level > 0 ? section.parent : section;
        String issue = ctx.issueContext(section, null);
        SuiteDraft suite = caseSuites.computeIfAbsent(group, g -> {
            String slug = Refs.slug(ReadContext.clean(g.title), 2);
            return ctx.suite("t-" + (slug.isEmpty() ? "cases" : slug), ReadContext.clean(g.title), issue, g.line);
        });
        String name = ReadContext.clean(section.title);
        if (name.isBlank()) {
            name = section.title.isBlank() ? "Test case at line " + section.line : section.title.strip();
        }
        suite.cases.add(new TestCase(null, name, steps, expected.isEmpty() ? null : String.join("; ", expected)));
        ctx.log.recognised("test case", suite.id, name, section.line, steps.size() + " steps"
                + (expected.isEmpty() ? "" : ", expected result"));
    }

    private static void caseLine(String text, boolean expecting, List<String> steps, List<String> expected) {
        Matcher g = GHERKIN.matcher(text);
        boolean then = g.matches() && g.group(1).equalsIgnoreCase("then");
        String line = text.strip();
        if (line.isEmpty()) {
            return;
        }
        if (expecting || then || line.toLowerCase(Locale.ROOT).startsWith("expected")) {
            expected.add(line);
        } else {
            steps.add(line);
        }
    }
}
