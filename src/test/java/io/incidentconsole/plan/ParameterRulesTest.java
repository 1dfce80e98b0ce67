package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterRulesTest {

    private static Parameter of(ParameterType type) {
        return new Parameter("p", type, null, null, null, List.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GIT_COMMIT   | abc1234",
            "GIT_COMMIT   | ABCDEF0",
            "GIT_COMMIT   | 0123456789abcdef0123456789abcdef01234567",
            "SEMVER       | 1.3.34",
            "SEMVER       | 0.9.11",
            "SEMVER       | 2.0.0-rc.1+build.5",
            "PACKAGE_SPEC | better-auth@1.3.34",
            "PACKAGE_SPEC | @convex-dev/better-auth@0.9.11",
            "PACKAGE_SPEC | convex@1.25.0-alpha.2",
            "IDENTIFIER   | commit_hash",
            "IDENTIFIER   | rb330.undo-p1:step-2",
            "URL          | https://dashboard.convex.dev/t/team",
            "URL          | http://127.0.0.1:9090/graph",
            "URL          | file:///var/log/app.log",
            "TEXT         | anything at all, even <angle> {{braces}}",
    })
    void acceptsValidValues(ParameterType type, String value) {
        assertThat(ParameterRules.check(of(type), value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GIT_COMMIT   | abc123",
            "GIT_COMMIT   | 0123456789abcdef0123456789abcdef012345678",
            "GIT_COMMIT   | xyz",
            "GIT_COMMIT   | 'abc1234 '",
            "GIT_COMMIT   | g123456",
            "SEMVER       | 1.3",
            "SEMVER       | v1.3.34",
            "SEMVER       | 01.3.34",
            "SEMVER       | 1.3.34.1",
            "PACKAGE_SPEC | better-auth",
            "PACKAGE_SPEC | better-auth@^1.3.34",
            "PACKAGE_SPEC | better-auth@latest",
            "PACKAGE_SPEC | @convex-dev/better-auth",
            "PACKAGE_SPEC | convex-dev/better-auth@0.9.11",
            "PACKAGE_SPEC | Better-Auth@1.3.34",
            "PACKAGE_SPEC | better-auth@1.3.34; rm -rf /",
            "IDENTIFIER   | 1abc",
            "IDENTIFIER   | two words",
            "IDENTIFIER   | a;b",
            "URL          | example.com",
            "URL          | ftp://example.com/file",
            "URL          | http://",
            "URL          | https://exa mple.com",
    })
    void refusesInvalidValuesAndSaysWhatIsExpected(ParameterType type, String value) {
        assertThat(ParameterRules.check(of(type), value)).hasValueSatisfying(reason ->
                assertThat(reason).isEqualTo("'" + value + "' is not " + ParameterRules.rule(type)));
    }

    @Test
    void fortyHexDigitsIsTheLongestCommit() {
        assertThat(ParameterRules.check(of(ParameterType.GIT_COMMIT), "a".repeat(40))).isEmpty();
        assertThat(ParameterRules.check(of(ParameterType.GIT_COMMIT), "a".repeat(41))).isPresent();
        assertThat(ParameterRules.check(of(ParameterType.GIT_COMMIT), "a".repeat(7))).isEmpty();
        assertThat(ParameterRules.check(of(ParameterType.GIT_COMMIT), "a".repeat(6))).isPresent();
    }

    @Test
    void choiceAcceptsOnlyTheListedValuesAndListsThem() {
        Parameter target = new Parameter("target", ParameterType.CHOICE, null, null, null, List.of("staging", "prod"));

        assertThat(ParameterRules.check(target, "prod")).isEmpty();
        assertThat(ParameterRules.check(target, "Prod")).hasValue("'Prod' is not one of the listed choices [staging, prod]");
    }

    @Test
    void anEmptyValueIsRefusedOnlyWhenRequired() {
        Parameter required = new Parameter("c", ParameterType.GIT_COMMIT, null, null, null, List.of());
        Parameter optional = new Parameter("c", ParameterType.GIT_COMMIT, null, null, false, List.of());

        assertThat(ParameterRules.check(required, "")).hasValue("a value is required");
        assertThat(ParameterRules.check(required, null)).hasValue("a value is required");
        assertThat(ParameterRules.check(optional, "")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\u0000def", "line\rfeed", "bell\u0007", "del\u007f"})
    void controlCharactersAreRefusedEvenInText(String value) {
        assertThat(ParameterRules.check(of(ParameterType.TEXT), value))
                .hasValueSatisfying(reason -> assertThat(reason).contains("such values are refused"));
    }

    @Test
    void aControlCharacterIsNamedWithItsPosition() {
        assertThat(ParameterRules.controlCharacter("ab\u0000")).hasValue("contains a NUL byte at position 3; such values are refused");
        assertThat(ParameterRules.controlCharacter("a\u001bb")).hasValue("contains control character U+001B at position 2; such values are refused");
        assertThat(ParameterRules.controlCharacter("tab\tand\nnewline")).isEmpty();
    }

    @Test
    void aLongInvalidValueIsShortenedInTheMessage() {
        String value = "x".repeat(100);

        assertThat(ParameterRules.check(of(ParameterType.GIT_COMMIT), value))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("'" + "x".repeat(57) + "...'"));
    }
}
