package io.incidentconsole.plan;

import io.incidentconsole.output.SafeText;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** What makes a parameter value valid for its type. Returns the reason when it is not. */
public final class ParameterRules {

    private static final Pattern HEX_COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final String SEMVER_CORE = "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?";
    private static final Pattern SEMVER = Pattern.compile(SEMVER_CORE);
    private static final Pattern PACKAGE_SPEC = Pattern.compile(
            "(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*@" + SEMVER_CORE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]*");

    private ParameterRules() {
    }

    /** The rule a type enforces, in words, for forms and error messages. */
    public static String rule(ParameterType type) {
        return switch (type) {
            case GIT_COMMIT -> "a git commit hash: 7 to 40 hexadecimal digits";
            case SEMVER -> "a semantic version such as 1.4.18";
            case PACKAGE_SPEC -> "a package and exact version such as better-auth@1.3.34";
            case IDENTIFIER -> "an identifier: letters, digits, _ . : - (not starting with a digit)";
            case URL -> "an absolute http, https or file URL";
            case CHOICE -> "one of the listed choices";
            case TEXT -> "any text without control characters other than tab and newline";
        };
    }

    public static Optional<String> check(Parameter parameter, String value) {
        if (value == null || value.isEmpty()) {
            return parameter.isRequired() ? Optional.of("a value is required") : Optional.empty();
        }
        Optional<String> control = controlCharacter(value);
        if (control.isPresent()) {
            return control;
        }
        if (value.startsWith("-") && !parameter.allowsOptions()) {
            return Optional.of("'" + shorten(value) + "' starts with '-', so the command would read it as an option; "
                    + "such values are refused unless parameter '" + parameter.name() + "' declares 'allowOptions: true'");
        }
        boolean ok = switch (parameter.type()) {
            case GIT_COMMIT -> HEX_COMMIT.matcher(value).matches();
            case SEMVER -> SEMVER.matcher(value).matches();
            case PACKAGE_SPEC -> PACKAGE_SPEC.matcher(value).matches();
            case IDENTIFIER -> IDENTIFIER.matcher(value).matches();
            case URL -> isUrl(value);
            case CHOICE -> parameter.choices().contains(value);
            case TEXT -> true;
        };
        if (ok) {
            return Optional.empty();
        }
        String reason = "'" + shorten(value) + "' is not " + rule(parameter.type());
        if (parameter.type() == ParameterType.CHOICE) {
            reason += " " + parameter.choices();
        }
        return Optional.of(reason);
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }

    /**
     * A NUL, a control character other than tab and newline, or a bidirectional override can never be a valid value
     * (see {@link SafeText}: it could rewrite or reorder what the operator reads).
     */
    public static Optional<String> controlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (SafeText.isUnsafe(c)) {
                String name = c == 0 ? "a NUL byte" : String.format("control character U+%04X", (int) c);
                return Optional.of("contains " + name + " at position " + (i + 1) + "; such values are refused");
            }
        }
        return Optional.empty();
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && scheme != null
                    && (scheme.equals("http") || scheme.equals("https") || scheme.equals("file"))
                    && (scheme.equals("file") || uri.getHost() != null);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
