package io.incidentconsole.rollback;

import io.incidentconsole.plan.ParameterRules;

import java.util.Optional;

/**
 * Quotes a value for bash so that it is exactly one literal word, whatever it contains. Single quotes
 * suspend every expansion in bash (including newlines, {@code $}, backticks, {@code !} and globs); the
 * only character that needs care is the single quote itself, written as {@code '\''}.
 */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    /** {@code 'value'}, with each {@code '} as {@code '\''}; the empty string becomes {@code ''}. */
    public static String quote(String value) throws RefusedValueException {
        Optional<String> refusal = refusal(value);
        if (refusal.isPresent()) {
            throw new RefusedValueException(refusal.get());
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                out.append("'\\''");
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /**
     * Why a value can never be passed intact, if it cannot: a NUL (arguments are C strings), a control
     * character other than tab and newline (it could rewrite what a terminal shows), or a lone UTF-16
     * surrogate (it has no UTF-8 form, so the script would hold a different value).
     */
    public static Optional<String> refusal(String value) {
        if (value == null) {
            return Optional.of("no value");
        }
        Optional<String> control = ParameterRules.controlCharacter(value);
        if (control.isPresent()) {
            return control;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("contains an unpaired surrogate U+%04X at position %d; "
                        + "such values are refused", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
