package io.incidentconsole.rollback;

import io.incidentconsole.plan.CommandSyntax;
import io.incidentconsole.plan.CommandSyntax.Context;
import io.incidentconsole.rollback.CommandTemplate.TemplateFillException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTemplateTest {

    private static final String EVIL = "x'\"$(touch pwned)`touch pwned`\n; touch pwned #";

    @Test
    void bareWordsAreSingleQuoted() throws Exception {
        assertThat(CommandTemplate.parse("git revert {{commit}}").fill(Map.of("commit", "abc1234")))
                .isEqualTo("git revert 'abc1234'");
    }

    @Test
    void theSeedsAngleBracketStyleIsAPlaceholderNotARedirection() throws Exception {
        CommandTemplate template = CommandTemplate.parse("git revert <commit-hash>");

        assertThat(template.slots()).extracting(s -> s.placeholder().name()).containsExactly("commit-hash");
        assertThat(template.fill(Map.of("commit-hash", "abc1234"))).isEqualTo("git revert 'abc1234'");
    }

    @Test
    void aPlaceholderInsideAWordStaysPartOfThatOneWord() throws Exception {
        assertThat(CommandTemplate.parse("npm install better-auth@{{version}}").fill(Map.of("version", "1.3.34")))
                .isEqualTo("npm install better-auth@'1.3.34'");
    }

    @Test
    void insideDoubleQuotesTheQuotesAreClosedAroundTheValue() throws Exception {
        assertThat(CommandTemplate.parse("echo \"deploying {{commit}} now\"").fill(Map.of("commit", "a$b")))
                .isEqualTo("echo \"deploying \"'a$b'\" now\"");
    }

    @Test
    void insideSingleQuotesTheQuotesAreClosedAroundTheValue() throws Exception {
        assertThat(CommandTemplate.parse("echo 'deploying {{commit}} now'").fill(Map.of("commit", "it's")))
                .isEqualTo("echo 'deploying ''it'\\''s'' now'");
    }

    @Test
    void inACommentANewlineInTheValueStartsAnotherCommentLine() throws Exception {
        assertThat(CommandTemplate.parse("true # reverting {{commit}}").fill(Map.of("commit", "a\ntouch pwned")))
                .isEqualTo("true # reverting 'a\n# touch pwned'");
    }

    @Test
    void insideCommandSubstitutionQuotingStartsAfresh() throws Exception {
        CommandTemplate template = CommandTemplate.parse("echo \"$(git show {{commit}})\" {{commit}}");

        assertThat(template.slots()).extracting(CommandSyntax.Slot::context)
                .containsExactly(Context.WORD, Context.WORD);
        assertThat(template.problems()).isEmpty();
    }

    @Test
    void aHashInsideAWordIsNotAComment() {
        assertThat(CommandTemplate.parse("echo a#{{x}}").slots()).extracting(CommandSyntax.Slot::context)
                .containsExactly(Context.WORD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "echo `git show {{commit}}`                 | inside backticks",
            "echo $'{{commit}}'                         | inside $'...' quotes",
            "echo ${{{commit}}}                         | inside a ${...} expansion",
            "echo ${{commit}}                           | right after '$'",
            "echo \"${{commit}}\"                       | right after '$'",
            "echo ${REF:-{{commit}}}                    | inside a ${...} expansion",
            "echo $(( {{n}} + 1 ))                      | inside an arithmetic expression",
            "(( {{n}} > 1 )) && echo big                | inside an arithmetic expression",
            "echo $<commit-hash>                        | right after '$'",
            "echo \\{{commit}}                          | right after a backslash",
            "echo \"\\{{commit}}\"                      | right after a backslash",
    })
    void placeholdersWhereNoQuotingIsSafeAreRefused(String template, String where) {
        CommandTemplate parsed = CommandTemplate.parse(template.strip());

        assertThat(parsed.problems()).first().asString()
                .contains(where).contains("cannot be quoted safely");
        assertThatThrownBy(() -> parsed.fill(Map.of("commit", "abc1234", "n", "1")))
                .isInstanceOf(TemplateFillException.class);
    }

    @Test
    void aPlaceholderInAHereDocumentBodyIsRefused() {
        CommandTemplate template = CommandTemplate.parse("cat <<EOF\nrevert {{commit}}\nEOF");

        assertThat(template.problems()).singleElement().asString().contains("inside a here-document");
    }

    @Test
    void aHereStringIsAnOrdinaryWord() {
        assertThat(CommandTemplate.parse("grep x <<< {{commit}}").problems()).isEmpty();
    }

    @Test
    void anUnterminatedQuoteIsAProblemEvenWithoutPlaceholders() {
        assertThat(CommandTemplate.parse("echo 'oops").problems()).containsExactly(
                "the command has an unterminated ' quote");
        assertThat(CommandTemplate.parse("echo \"oops").problems()).containsExactly(
                "the command has an unterminated \" quote");
    }

    @Test
    void aMissingOrRefusedValueNamesItsParameter() {
        CommandTemplate template = CommandTemplate.parse("git revert {{commit}}");

        assertThatThrownBy(() -> template.fill(Map.of()))
                .isInstanceOfSatisfying(TemplateFillException.class, e -> {
                    assertThat(e.parameter()).hasValue("commit");
                    assertThat(e.reason()).isEqualTo("no value given");
                });
        assertThatThrownBy(() -> template.fill(Map.of("commit", "a\u0000b")))
                .isInstanceOfSatisfying(TemplateFillException.class, e -> {
                    assertThat(e.parameter()).hasValue("commit");
                    assertThat(e.reason()).contains("NUL");
                });
    }

    @Test
    void inEveryQuotableContextAHostileValueIsPrintedBackAndRunsNothing(@TempDir Path dir) throws Exception {
        String template = String.join("\n",
                "printf '<%s>\\n' {{v}}",
                "printf '<%s>\\n' pre{{v}}post",
                "printf '<%s>\\n' \"pre {{v}} post\"",
                "printf '<%s>\\n' 'pre {{v}} post'",
                "printf '<%s>\\n' \"$(printf '%s' {{v}})\"",
                "true # {{v}}",
                "printf '<%s>\\n' done");
        String command = CommandTemplate.parse(template).fill(Map.of("v", EVIL));

        Bash.Result result = Bash.run(command, dir);

        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo(
                "<" + EVIL + ">\n"
                        + "<pre" + EVIL + "post>\n"
                        + "<pre " + EVIL + " post>\n"
                        + "<pre " + EVIL + " post>\n"
                        + "<" + EVIL + ">\n"
                        + "<done>\n");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
