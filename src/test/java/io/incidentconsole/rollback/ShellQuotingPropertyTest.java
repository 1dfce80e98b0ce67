package io.incidentconsole.rollback;

import io.incidentconsole.output.SafeText;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For arbitrary values, a generated {@code printf '%s\n' {{value}}} run by the real bash prints the value
 * back exactly and runs nothing else. Several values share one bash run (records separated by NUL, which
 * no value can contain) to keep the tries affordable.
 */
class ShellQuotingPropertyTest {

    private static final List<String> TEMPLATES = List.of(
            "printf '%s\\n' {{v}}",
            "printf '%s\\n' pre{{v}}post",
            "printf '%s\\n' \"pre {{v}} post\"",
            "printf '%s\\n' 'pre {{v}} post'",
            "printf '%s\\n' \"$(printf '%s' \"<{{v}}>\")\"",
            "printf '%s\\n' {{v}} # the value was {{v}}");

    @Property(tries = 50)
    void aValueComesBackExactlyInEveryTemplateContext(@ForAll("valueLists") List<String> values)
            throws Exception {
        List<String> names = IntStream.range(0, values.size()).mapToObj(i -> "v" + i).toList();
        List<String> commands = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String template = TEMPLATES.get(i % TEMPLATES.size());
            commands.add(template.replace("{{v}}", "{{v" + i + "}}"));
            commands.add("printf '\\0'");
            expected.add(expectedOutput(template, values.get(i)));
        }
        RollbackForm form = Fixtures.textForm(names, commands);
        for (int i = 0; i < values.size(); i++) {
            form = form.with(names.get(i), values.get(i));
        }
        assertThat(form.problems()).isEmpty();

        GeneratedScript script = new ScriptGenerator().generate(Fixtures.CONTEXT, form, ScriptMode.EXECUTE);
        Path dir = Files.createTempDirectory("quoting-property-");
        try {
            Bash.Result result = Bash.run(script.text(), dir);

            assertThat(result.stderr()).isEmpty();
            assertThat(result.exitCode()).isZero();
            assertThat(List.of(result.stdout().split("\0", -1))).containsExactlyElementsOf(withEmptyTail(expected));
            try (var files = Files.list(dir)) {
                assertThat(files).as("a value ran something").isEmpty();
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Property(tries = 50)
    void anArbitraryStringIsEitherRefusedForAStatedReasonOrPrintedBackExactly(
            @ForAll("anyTextLists") List<String> values) throws Exception {
        StringBuilder script = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (String value : values) {
            boolean unencodable = value.chars().anyMatch(SafeText::isUnsafe) || hasLoneSurrogate(value);
            if (unencodable) {
                assertThat(ShellQuoting.refusal(value)).isPresent();
                continue;
            }
            String quoted = ShellQuoting.quote(value);
            // One single-quoted run whose only joints are '\'' (no character is ever outside quotes but \').
            assertThat(quoted.replace("'\\''", "")).matches("(?s)'[^']*'");
            script.append("printf '%s\\n' ").append(quoted).append("\nprintf '\\0'\n");
            expected.add(value + "\n");
        }
        expected.add("");

        Path dir = Files.createTempDirectory("quoting-property-");
        try {
            Bash.Result result = Bash.run(script.toString(), dir);
            assertThat(result.stderr()).isEmpty();
            assertThat(List.of(result.stdout().split("\0", -1))).containsExactlyElementsOf(expected);
            try (var files = Files.list(dir)) {
                assertThat(files).as("a value ran something").isEmpty();
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static String expectedOutput(String template, String value) {
        if (template.contains("pre{{v}}post")) {
            return "pre" + value + "post\n";
        }
        if (template.contains("pre {{v}} post")) {
            return "pre " + value + " post\n";
        }
        if (template.contains("<{{v}}>")) {
            return "<" + value + ">\n";
        }
        return value + "\n";
    }

    private static List<String> withEmptyTail(List<String> records) {
        List<String> all = new ArrayList<>(records);
        all.add("");
        return all;
    }

    Arbitrary<String> values() {
        Arbitrary<String> hostile = Arbitraries.of(ShellQuotingTest.HOSTILE);
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8);
        // Bidirectional overrides and line separators are refused like control characters (SafeText).
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').ofMaxLength(4)
                .excludeChars('\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
                        '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029');
        Arbitrary<String> astral = Arbitraries.integers().between(0x10000, 0x10ffff).map(Character::toString);
        Arbitrary<String> syntax = Arbitraries.of("\n", "\t", "'", "\"", "\\", "$", "`", " ", "*", "~", "!", "#",
                "$(", ")", "${", "}", "-", ";", "&", "|", "<", ">", "'\\''", "");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(3, printable), Tuple.of(3, syntax), Tuple.of(2, hostile), Tuple.of(1, unicode),
                Tuple.of(1, astral));
        return piece.list().ofMaxSize(6).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<List<String>> valueLists() {
        return values().list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<String>> anyTextLists() {
        return anyText().list().ofMinSize(1).ofMaxSize(16);
    }

    Arbitrary<String> anyText() {
        Arbitrary<String> anyChar = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(20);
        Arbitrary<String> mostlyValid = Arbitraries.strings().withCharRange(' ', '\ud7ff').withChars('\n', '\t')
                .ofMaxLength(20);
        return Arbitraries.oneOf(anyChar, mostlyValid, values());
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
