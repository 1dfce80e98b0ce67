package io.incidentconsole.rollback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rendered rollback script, its SHA-256 (hex, of the UTF-8 text) and the values it was generated with
 * (in form order): what the journal records for every generation.
 */
public record GeneratedScript(String text, String sha256, Map<String, String> values, String runbookId,
                              String procedureId, ScriptMode mode, ScriptContext context) {

    public GeneratedScript {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
