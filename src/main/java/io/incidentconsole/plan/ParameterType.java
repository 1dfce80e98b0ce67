package io.incidentconsole.plan;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

public enum ParameterType {
    GIT_COMMIT, SEMVER, PACKAGE_SPEC, IDENTIFIER, URL, CHOICE, TEXT;

    /** Accepts "git-commit", "git commit", "GIT_COMMIT". */
    @JsonCreator
    public static ParameterType parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
    }
}
