package io.incidentconsole.rollback;

import java.time.Instant;
import java.util.Objects;

/** Who generates a script, for which incident and plan, and when: the script's header. */
public record ScriptContext(String incidentId, String incidentName, String planTitle, String operator,
                            Instant generatedAt) {

    public ScriptContext {
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
