package io.incidentconsole.plan;

import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of error a plan file can have, one small hand-written fixture each (under
 * src/test/resources/broken-plans/), with the exact position, the path and the words of the message.
 */
class PlanValidationTest {

    private final PlanLoader loader = new PlanLoader();

    static Stream<Arguments> brokenPlans() {
        return Stream.of(
                arguments("yaml-syntax-error.yaml", 7, 7, "",
                        List.of("YAML syntax error", "expected ',' or ']'",
                                "in the [...] list that starts at line 6, column 16")),
                arguments("duplicate-key.yaml", 7, 5, "phases[0].name",
                        List.of("duplicate key 'name'", "already given at line 5")),
                arguments("not-a-mapping.yaml", 2, 1, "",
                        List.of("a plan is a mapping with fields such as 'plan', 'issues' and 'phases'",
                                "the document is a list")),
                arguments("empty.yaml", 1, 1, "", List.of("the file is empty")),
                arguments("wrong-types.yaml", 8, 5, "phases[1].dependsOn",
                        List.of("expected a list, found text 'p1'")),
                arguments("wrong-types.yaml", 12, 5, "metrics[0].baseline",
                        List.of("expected a number", "found a list")),
                arguments("unknown-field.yaml", 8, 5, "phases[1].dependOn",
                        List.of("unknown field 'dependOn' in a phase", "did you mean 'dependsOn'?")),
                arguments("bad-enum.yaml", 6, 5, "issues[0].priority",
                        List.of("expected one of CRITICAL, HIGH, MEDIUM, LOW", "found 'CRITCAL'",
                                "did you mean 'CRITICAL'?")),
                arguments("bad-duration.yaml", 8, 7, "phases[0].planned.duration",
                        List.of("expected a duration such as 24h", "found text 'a day or two'")),
                arguments("bad-date.yaml", 3, 3, "plan.date",
                        List.of("expected a date such as 2026-01-29", "found '2026-02-30'")),
                arguments("missing-required.yaml", 6, 5, "phases[1]",
                        List.of("missing required field 'name' in a phase")),
                arguments("duplicate-phase-id.yaml", 8, 5, "phases[2].id",
                        List.of("duplicate phase id 'p1'", "first at phases[0], line 4")),
                arguments("unknown-references.yaml", 11, 21, "phases[1].dependsOn[1]",
                        List.of("unknown phase 'p9'", "the plan defines: p1, p2")),
                arguments("unknown-references.yaml", 15, 18, "testSuites[0].phases[1]",
                        List.of("unknown phase 'p3'")),
                arguments("unknown-references.yaml", 19, 5, "runbooks[0].issue",
                        List.of("unknown issue '324'", "the plan defines: 330")),
                arguments("unknown-references.yaml", 28, 9, "metrics[0].milestones[0].afterPhase",
                        List.of("unknown phase 'p7'")),
                arguments("unknown-references.yaml", 32, 5, "alerts[0].when",
                        List.of("unknown metric 'convex_cals'", "did you mean 'convex_calls'?")),
                arguments("dependency-cycle.yaml", 6, 17, "phases[0].dependsOn[0]",
                        List.of("dependency cycle: a → c → b → a")),
                arguments("self-dependency.yaml", 8, 21, "phases[1].dependsOn[1]",
                        List.of("phase 'p2' depends on itself")),
                arguments("undeclared-placeholder-braces.yaml", 8, 9, "phases[0].guidedSteps[0].command",
                        List.of("placeholder 'package'", "no parameter 'package' is declared")),
                arguments("undeclared-placeholder-angle.yaml", 10, 13, "runbooks[0].procedures[0].steps[0].command",
                        List.of("placeholder 'commit-hash'", "no parameter 'commit-hash' is declared")),
                arguments("unused-parameter.yaml", 9, 9, "runbooks[0].parameters[1]",
                        List.of("parameter 'branch' is declared but no command uses it")),
                arguments("invalid-default.yaml", 9, 9, "runbooks[0].parameters[0].defaultValue",
                        List.of("invalid default value for parameter 'commit-hash'",
                                "'xyz' is not a git commit hash: 7 to 40 hexadecimal digits")),
                arguments("choice-without-choices.yaml", 7, 9, "runbooks[0].parameters[0].choices",
                        List.of("parameter 'target' is of type CHOICE but lists no 'choices'")),
                arguments("decision-next-and-outcome.yaml", 11, 13, "decisions[0].nodes[0].answers[0]",
                        List.of("exactly one of 'next'", "answer 'yes' has both")),
                arguments("metric-direction.yaml", 8, 5, "metrics[0].direction",
                        List.of("direction is UP (higher is better)",
                                "the target 900000 is below the baseline 3200000")),
                arguments("json-unknown-reference.json", 5, 65, "phases[1].dependsOn[1]",
                        List.of("unknown phase 'p9'")),
                arguments("json-unknown-reference.json", 8, 72, "metrics[0].dirction",
                        List.of("unknown field 'dirction' in a metric", "did you mean 'direction'?")),
                arguments("json-syntax-error.json", 5, 5, "",
                        List.of("JSON syntax error", "expecting comma")),
                arguments("not-utf8.yaml", 2, 13, "",
                        List.of("not UTF-8 text", "byte 0xE9", "save it as UTF-8")));
    }

    @ParameterizedTest(name = "{0} reports {3} at {1}:{2}")
    @MethodSource
    void brokenPlans(String fixture, int line, int column, String path, List<String> words) {
        PlanLoadResult result = loader.load(fixture(fixture));

        assertThat(result.ok()).isFalse();
        assertThat(result.plan()).isNull();
        assertThat(result.problems())
                .filteredOn(p -> p.line() == line && p.column() == column && p.path().equals(path))
                .as("problems of %s: %s", fixture, result.problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.source()).endsWith(fixture);
                    assertThat(p.message()).contains(words);
                });
    }

    /** Each fixture has exactly the errors listed above: no noise, no follow-on errors. */
    @Test
    void brokenPlansReportNothingElse() {
        Map<String, Long> expected = brokenPlans()
                .collect(Collectors.groupingBy(a -> (String) a.get()[0], Collectors.counting()));

        expected.forEach((fixture, count) -> assertThat(loader.load(fixture(fixture)).problems())
                .as(fixture)
                .hasSize(count.intValue()));
    }

    @Test
    void theValidMinimalPlanLoads() {
        PlanLoadResult result = loader.load(fixture("valid-minimal.yaml"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().summary().phases()).isEqualTo(2);
    }

    @Test
    void aPlanWithManyDifferentErrorsReportsAllOfThemInOneResultInFileOrder() {
        PlanLoadResult result = loader.load(fixture("several-errors.yaml"));

        assertThat(result.problems())
                .extracting(p -> p.line() + ":" + p.column() + " " + p.path())
                .containsExactly(
                        "3:3 plan.date",
                        "7:5 issues[0].priority",
                        "11:5 phases[0].dependOn",
                        "18:17 phases[2].dependsOn[0]",
                        "21:9 phases[2].guidedSteps[0].command",
                        "22:9 phases[2].guidedSteps[0].waitFor",
                        "26:5 metrics[0].baseline");
        assertThat(result.problems()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).contains("expected a date", "'29/01/2026'"),
                m -> assertThat(m).contains("found 'HIGHEST'"),
                m -> assertThat(m).contains("unknown field 'dependOn'", "did you mean 'dependsOn'?"),
                m -> assertThat(m).contains("dependency cycle: p3 → p2 → p3"),
                m -> assertThat(m).contains("placeholder 'file'"),
                m -> assertThat(m).contains("expected a duration", "'a while'"),
                m -> assertThat(m).contains("expected a number", "'lots'"));
    }

    @Test
    void aProblemPrintsAsFileLineColumnPathMessage() {
        Problem problem = loader.load(fixture("unknown-field.yaml")).problems().get(0);

        assertThat(problem.toString()).endsWith("unknown-field.yaml:8:5: phases[1].dependOn: unknown field "
                + "'dependOn' in a phase; did you mean 'dependsOn'?");
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        PlanLoadResult result = loader.load(Path.of("does-not-exist.yaml"));

        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("no such file"));
    }

    @Test
    void aDirectoryIsAProblemNotACrash() {
        PlanLoadResult result = loader.load(fixture("valid-minimal.yaml").getParent());

        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("cannot read the file"));
    }

    @Test
    void anOversizedFileIsRefusedWithoutReadingMoreThanTheCap(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(PlanLoader.MAX_BYTES + 1);
        }

        assertThat(loader.load(big).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the file is larger than 32 MB; a plan file is at most 32 MB (is this the right file?)"));
    }

    @Test
    void aControlCharacterIsReportedWhereItIs() {
        PlanLoadResult result = loader.load("nul.yaml", "plan:\n  title: ab\0c\n");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(12);
            assertThat(p.message()).contains("unprintable character U+0000");
        });
    }

    @Test
    void aByteOrderMarkIsAcceptedInYamlAndJson() {
        assertThat(loader.load("bom.yaml", "\uFEFFplan: {title: x}\n").ok()).isTrue();
        assertThat(loader.load("bom.json", "\uFEFF{\"plan\": {\"title\": \"x\"}}").ok()).isTrue();
    }

    @Test
    void yamlMergeKeysCopyTheAnchoredMappingAndOwnKeysWin() {
        String text = """
                issues:
                  - {id: "330", title: Convex call spike}
                phases:
                  - &base
                    id: p1
                    name: First
                    issues: ["330"]
                    optional: true
                  - <<: *base
                    id: p2
                    name: Second
                    optional: false
                """;
        PlanLoadResult result = loader.load("merge.yaml", text);

        assertThat(result.problems()).isEmpty();
        Phase second = result.plan().phases().get(1);
        assertThat(second.id()).isEqualTo("p2");
        assertThat(second.issues()).containsExactly("330");
        assertThat(second.optional()).isFalse();
    }

    @Test
    void anAliasOfAnUnknownOrSingleValueAnchorIsExplained() {
        PlanLoadResult result = loader.load("alias.yaml", "plan:\n  title: &t Outage\n  owner: *t\n");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.path()).isEqualTo("plan.owner");
            assertThat(p.message()).contains("'*t'", "aliases of single values are not supported");
        });
    }

    @Test
    void anAliasOfAListCopiesTheList() {
        String text = """
                issues:
                  - {id: "330", title: Convex call spike}
                phases:
                  - id: p1
                    name: First
                    issues: &both ["330"]
                  - id: p2
                    name: Second
                    issues: *both
                """;
        PlanLoadResult result = loader.load("alias.yaml", text);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().phases().get(1).issues()).containsExactly("330");
    }

    @Test
    void anAliasThatWouldExpandEnormouslyIsRefused() {
        StringBuilder text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            text.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                text.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            text.append("]\n");
        }
        PlanLoadResult result = loader.load("laughs.yaml", text.toString());

        assertThat(result.problems()).anySatisfy(p -> assertThat(p.message()).contains("YAML aliases expand to more"));
    }

    @Test
    void hugeNumbersAreReportedNotThrown() {
        String text = """
                metrics:
                  - id: m
                    name: M
                    baseline: 1e999
                    target: 123456789012345678901234567890
                """;
        PlanLoadResult result = loader.load("huge.yaml", text);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("metrics[0].baseline");
            assertThat(p.message()).contains("too large");
        });
    }

    @Test
    void anOverlongDurationIsReportedNotThrown() {
        String text = """
                phases:
                  - id: p1
                    name: First
                    planned: {start: 99999999999999999999d, duration: 999999999999999w}
                """;
        PlanLoadResult result = loader.load("long.yaml", text);

        assertThat(result.problems()).extracting(Problem::path, Problem::message).containsExactly(
                Tuple.tuple("phases[0].planned.start",
                        "the duration '99999999999999999999d' is too long"),
                Tuple.tuple("phases[0].planned.duration",
                        "the duration '999999999999999w' is too long"));
    }

    @Test
    void anEmptyListItemIsReportedWithItsPosition() {
        PlanLoadResult result = loader.load("empty-item.yaml", "phases:\n  - id: p\n    name: n\n    dependsOn: [~]\n");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("phases[0].dependsOn[0]");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("empty list item; expected text");
        });
    }

    @Test
    void aSecondYamlDocumentIsReported() {
        PlanLoadResult result = loader.load("two.yaml", "plan: {title: a}\n---\nplan: {title: b}\n");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("a second YAML document");
        });
    }

    @Test
    void aTabIndentationIsExplained() {
        PlanLoadResult result = loader.load("tab.yaml", "plan:\n\ttitle: x\n");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("YAML syntax error: a tab is used for indentation; YAML allows only spaces");
        });
    }

    @Test
    void anUnclosedQuoteNamesWhereItStarts() {
        PlanLoadResult result = loader.load("quote.yaml", "plan:\n  title: \"unclosed\nphases: []\n");

        assertThat(result.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("quoted text that starts at line 2, column 10 is never closed"));
    }

    static Path fixture(String name) {
        URL url = PlanValidationTest.class.getResource("/broken-plans/" + name);
        assertThat(url).as("fixture %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
