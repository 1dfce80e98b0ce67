package io.incidentconsole.metrics;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A secret for the {@code Authorization} header. It is read from an environment variable whose name comes
 * from settings, so the secret itself is never in settings, the journal or logs; {@link #toString()} hides it.
 */
public final class BearerToken {

    private final String variable;
    private final String secret;

    private BearerToken(String variable, String secret) {
        this.variable = variable;
        this.secret = secret;
    }

    /**
     * Reads the token from the environment variable named {@code variable}; empty when the variable is unset or
     * blank. {@code environment} is {@code System::getenv} in production.
     */
    public static Optional<BearerToken> fromEnvironment(String variable, Function<String, String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new BearerToken(variable, value.strip()));
    }

    /** The environment variable it came from, safe to show. */
    public String variable() {
        return variable;
    }

    String headerValue() {
        return "Bearer " + secret;
    }

    @Override
    public String toString() {
        return "BearerToken[from $" + variable + ", hidden]";
    }
}
