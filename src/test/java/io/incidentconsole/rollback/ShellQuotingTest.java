package io.incidentconsole.rollback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellQuotingTest {

    /** Values an attacker or a careless paste could bring; each must come back as itself. */
    static final List<String> HOSTILE = List.of(
            "'; rm -rf / #",
            "$(touch pwned)",
            "`touch pwned`",
            "`id`",
            "a'b\"c",
            "line one\nline two",
            "\n; touch pwned\n",
            "trailing newline\n",
            "'",
            "''",
            "\\",
            "\\'",
            "'\\''",
            "\"$(touch pwned)\"",
            "${IFS}touch${IFS}pwned",
            "$HOME",
            "~",
            "~root",
            "*",
            "/*",
            "[a-z]*",
            "{a,b}",
            "!",
            "!!",
            "!$",
            "-n",
            "-e",
            "--",
            "-",
            "a b  c",
            "\ttab",
            "; touch pwned",
            "&& touch pwned",
            "| touch pwned",
            "> pwned",
            "< /etc/passwd",
            "<(touch pwned)",
            "$'\\x41'",
            "#not a comment",
            "x # y",
            "=",
            "%s%s%n",
            "ünïcödé ✓ 🚀 日本語",
            "");

    @Test
    void wrapsInSingleQuotesAndEscapesTheSingleQuote() throws Exception {
        assertThat(ShellQuoting.quote("abc1234")).isEqualTo("'abc1234'");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
        assertThat(ShellQuoting.quote("a'b")).isEqualTo("'a'\\''b'");
        assertThat(ShellQuoting.quote("$(id)\n`id`")).isEqualTo("'$(id)\n`id`'");
    }

    @Test
    void everyHostileValueReachesPrintfAsExactlyOneLiteralArgumentAndNothingElseRuns(@TempDir Path dir)
            throws Exception {
        StringBuilder script = new StringBuilder();
        for (String value : HOSTILE) {
            // One argument each: printf repeats its format per argument, so a split value would print two records.
            script.append("printf '[%s]\\0' ").append(ShellQuoting.quote(value)).append('\n');
        }

        Bash.Result result = Bash.run(script.toString(), dir);

        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
        List<String> printed = List.of(result.stdout().split("\0", -1)).subList(0, HOSTILE.size());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(printed.get(i)).as("value %d", i).isEqualTo("[" + HOSTILE.get(i) + "]");
        }
        assertThat(result.stdout()).endsWith("\0");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing was created by a value").isEmpty();
        }
    }

    @Test
    void refusesNulAndControlCharactersButAcceptsTabAndNewline() {
        assertThatThrownBy(() -> ShellQuoting.quote("abc\0def"))
                .isInstanceOf(RefusedValueException.class)
                .hasMessage("contains a NUL byte at position 4; such values are refused");
        assertThatThrownBy(() -> ShellQuoting.quote("\u001b[2J"))
                .hasMessage("contains control character U+001B at position 1; such values are refused");
        assertThatThrownBy(() -> ShellQuoting.quote("a\rb")).hasMessageContaining("U+000D");
        assertThatThrownBy(() -> ShellQuoting.quote("a\u007fb")).hasMessageContaining("U+007F");
        assertThat(ShellQuoting.refusal("a\tb\nc")).isEmpty();
    }

    @Test
    void refusesALoneSurrogateWhichHasNoUtf8FormButAcceptsAPair() {
        assertThat(ShellQuoting.refusal("x\ud800")).hasValue(
                "contains an unpaired surrogate U+D800 at position 2; such values are refused");
        assertThat(ShellQuoting.refusal("\udc00x")).isPresent();
        assertThat(ShellQuoting.refusal("🚀")).isEmpty();
    }
}
