package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTest {

    @Test
    void findsBothStylesWithTheirPositions() {
        String command = "git revert <commit-hash> && npm install {{pkg}}";

        assertThat(Placeholders.find(command)).containsExactly(
                new Placeholders.Placeholder("commit-hash", 11, 24),
                new Placeholders.Placeholder("pkg", 40, 47));
        assertThat(command.substring(11, 24)).isEqualTo("<commit-hash>");
        assertThat(command.substring(40, 47)).isEqualTo("{{pkg}}");
    }

    @Test
    void spacesInsideBracesAreAllowed() {
        assertThat(Placeholders.names("deploy {{ version }}")).containsExactly("version");
    }

    @Test
    void namesAreListedOnceInOrderOfFirstUse() {
        assertThat(Placeholders.names("{{b}} <a> {{b}} <a> {{c}}")).containsExactly("b", "a", "c");
        assertThat(Placeholders.find("{{b}} {{b}}")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "echo 'a < b' > out.txt",
            "npm test 2>&1 | tee log",
            "{{1abc}} <9x> <> {{}}",
            "{{ unclosed",
            "<with space>",
            "json '{\"a\": {\"b\": 1}}'",
            "",
    })
    void textThatOnlyLooksLikeAPlaceholderIsNotOne(String command) {
        assertThat(Placeholders.find(command)).isEmpty();
    }

    @Test
    void aMissingCommandHasNoPlaceholders() {
        assertThat(Placeholders.find(null)).isEmpty();
        assertThat(Placeholders.names(null)).isEmpty();
    }
}
