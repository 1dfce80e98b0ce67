package io.incidentconsole.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text arrives, the loader answers with a plan or with located problems, and never throws.
 * Inputs: arbitrary strings, strings made of YAML's special characters, and valid plans (YAML and JSON)
 * mangled by random deletions, insertions, swaps and duplicated lines.
 */
class PlanLoaderPropertiesTest {

    private static final String VALID_YAML = read("valid-minimal.yaml");
    private static final String VALID_JSON = toJson(VALID_YAML);

    private final PlanLoader loader = new PlanLoader();

    @Property(tries = 500)
    void arbitraryTextNeverThrows(@ForAll String text) {
        assertWellFormed(text);
    }

    @Property(tries = 800)
    void yamlLookingTextNeverThrows(@ForAll("yamlish") String text) {
        assertWellFormed(text);
    }

    @Property(tries = 500)
    void mangledYamlPlansNeverThrow(@ForAll("mangledYaml") String text) {
        assertWellFormed(text);
    }

    @Property(tries = 300)
    void mangledJsonPlansNeverThrow(@ForAll("mangledJson") String text) {
        assertWellFormed(text);
    }

    @Property(tries = 50)
    void deeplyIndentedYamlNeverThrows(@ForAll @IntRange(min = 1, max = 3000) int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append(" ".repeat(i)).append(i % 2 == 0 ? "a:\n" : "- \n");
        }
        assertWellFormed(text.toString());
    }

    @Property(tries = 30)
    void deeplyNestedFlowCollectionsNeverThrow(@ForAll @IntRange(min = 1, max = 20_000) int depth,
                                               @ForAll boolean json) {
        String open = json ? "{\"a\":[" : "{a: [";
        assertWellFormed(open.repeat(depth) + "]}".repeat(depth));
        assertWellFormed(open.repeat(depth));
    }

    @Example
    void theUnmangledFixturesAreValid() {
        assertThat(loader.load("valid.yaml", VALID_YAML).problems()).isEmpty();
        assertThat(loader.load("valid.json", VALID_JSON).problems()).isEmpty();
    }

    @Example
    void oddButLegalYamlDoesNotThrow() {
        List<String> samples = List.of(
                "? [a, b]\n: c\n",
                "plan: !!binary aGVsbG8=\n",
                "plan: !custom {title: x}\n",
                "1: x\n2: y\n",
                "~: x\n",
                "phases: &p [*p]\n",
                "phases:\n  - <<: [*a]\n",
                "phases:\n  - <<: 5\n    id: p\n    name: n\n",
                "plan: {title: x}\n...\n",
                "%YAML 1.1\n---\nplan: {title: x}\n",
                "plan: |\n  literal\n",
                "\u2028plan: x\u2029",
                "\uFEFF",
                "metrics: [{id: m, name: n, baseline: .inf}]\n",
                "metrics: [{id: m, name: n, baseline: 0x1F}]\n",
                "metrics: [{id: m, name: n, baseline: " + "9".repeat(5000) + "}]\n");
        samples.forEach(this::assertWellFormed);
    }

    private void assertWellFormed(String text) {
        PlanLoadResult result = loader.load("fuzz.yaml", text);

        assertThat(result).isNotNull();
        assertThat(result.ok()).isEqualTo(result.problems().isEmpty());
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (Problem problem : result.problems()) {
            assertThat(problem.source()).isEqualTo("fuzz.yaml");
            assertThat(problem.path()).isNotNull();
            assertThat(problem.message()).isNotBlank();
            assertThat(problem.message()).as("the last-resort guard must never be what answers")
                    .doesNotStartWith("internal error");
            assertThat(problem.line()).as("line of %s", problem).isBetween(0, lines.length);
            if (problem.line() == 0) {
                assertThat(problem.column()).as("column of %s", problem).isZero();
            } else {
                assertThat(problem.column()).as("column of %s", problem)
                        .isBetween(1, lines[problem.line() - 1].length() + 1);
            }
        }
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<Character> special = Arbitraries.of(':', '-', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>',
                '\'', '"', '#', '%', '@', '`', '?', '<', '\\', ' ', ' ', ' ', '\n', '\n', '\t', '\r', '\u00e9', '\u2028');
        Arbitrary<Character> letters = Arbitraries.chars().range('a', 'e');
        Arbitrary<Character> digits = Arbitraries.chars().range('0', '9');
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, special),
                        net.jqwik.api.Tuple.of(3, letters),
                        net.jqwik.api.Tuple.of(1, digits))
                .list().ofMaxSize(200)
                .map(chars -> {
                    StringBuilder out = new StringBuilder();
                    chars.forEach(out::append);
                    return out.toString();
                });
    }

    @Provide
    Arbitrary<String> mangledYaml() {
        return mangled(VALID_YAML);
    }

    @Provide
    Arbitrary<String> mangledJson() {
        return mangled(VALID_JSON);
    }

    private static Arbitrary<String> mangled(String valid) {
        return edit(valid).list().ofMinSize(1).ofMaxSize(8).map(edits -> {
            String text = valid;
            for (Edit e : edits) {
                text = e.apply(text);
            }
            return text;
        });
    }

    /** One random change to a text, at a position chosen as a fraction of its current length. */
    private interface Edit {
        String apply(String text);
    }

    private static Arbitrary<Edit> edit(String valid) {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> snippet = Arbitraries.oneOf(
                Arbitraries.of(":", "- ", "  ", "\n", "\t", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "<<: ",
                        "!!int ", "#", "---\n", "~", "null", "1e999", "99999999999999999999", "{{x}}", "<y>", "\u0000",
                        "\uFEFF", "dependsOn: [p1]", "id: p1", "phases:", "- id: p3\n    name: x\n"),
                Arbitraries.strings().ofMaxLength(5));
        Arbitrary<Edit> delete = Combinators.combine(where, Arbitraries.integers().between(1, 40))
                .as((at, n) -> text -> {
                    int start = position(text, at);
                    return text.substring(0, start) + text.substring(Math.min(text.length(), start + n));
                });
        Arbitrary<Edit> insert = Combinators.combine(where, snippet)
                .as((at, s) -> text -> {
                    int start = position(text, at);
                    return text.substring(0, start) + s + text.substring(start);
                });
        Arbitrary<Edit> swap = Combinators.combine(where, where)
                .as((a, b) -> text -> {
                    if (text.isEmpty()) {
                        return text;
                    }
                    char[] chars = text.toCharArray();
                    int i = Math.min(chars.length - 1, position(text, a));
                    int j = Math.min(chars.length - 1, position(text, b));
                    char c = chars[i];
                    chars[i] = chars[j];
                    chars[j] = c;
                    return new String(chars);
                });
        Arbitrary<Edit> duplicateLine = where.map(at -> text -> {
            String[] lines = text.split("\n", -1);
            int i = Math.min(lines.length - 1, (int) (at * lines.length));
            List<String> out = new ArrayList<>(List.of(lines));
            out.add(i, lines[i]);
            return String.join("\n", out);
        });
        Arbitrary<Edit> reindent = Combinators.combine(where, Arbitraries.integers().between(-4, 4))
                .as((at, shift) -> text -> {
                    String[] lines = text.split("\n", -1);
                    int i = Math.min(lines.length - 1, (int) (at * lines.length));
                    lines[i] = shift >= 0 ? " ".repeat(shift) + lines[i]
                            : lines[i].substring(Math.min(lines[i].length(), -shift));
                    return String.join("\n", lines);
                });
        return Arbitraries.oneOf(delete, insert, swap, duplicateLine, reindent);
    }

    private static int position(String text, double fraction) {
        return Math.min(text.length(), (int) (fraction * (text.length() + 1)));
    }

    private static String read(String fixture) {
        try {
            return Files.readString(PlanValidationTest.fixture(fixture), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toJson(String yaml) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
