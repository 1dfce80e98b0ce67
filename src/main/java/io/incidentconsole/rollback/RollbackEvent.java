package io.incidentconsole.rollback;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rollback view does that the incident journal must keep. The console maps these onto its
 * journal; this package does not know the journal's format.
 */
public sealed interface RollbackEvent {

    Instant at();

    String operator();

    String runbookId();

    /** A decision criterion ticked or unticked. */
    record CriterionTicked(Instant at, String operator, String runbookId, String criterionId, String criterionText,
                           boolean ticked) implements RollbackEvent {
    }

    /** A script generated (previewed): its hash, the values used and the text itself (what an audit reads). */
    record ScriptGenerated(Instant at, String operator, String runbookId, String procedureId, ScriptMode mode,
                           String sha256, Map<String, String> values, String script) implements RollbackEvent {
        public ScriptGenerated {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** A script copied to the clipboard. */
    record ScriptCopied(Instant at, String operator, String runbookId, String procedureId, String sha256)
            implements RollbackEvent {
    }

    /** A script saved as an executable file. */
    record ScriptSaved(Instant at, String operator, String runbookId, String procedureId, String sha256,
                       String file) implements RollbackEvent {
    }

    /** The operator confirmed and the script started. */
    record ScriptRunStarted(Instant at, String operator, String runbookId, String procedureId, ScriptMode mode,
                            String sha256, long pid) implements RollbackEvent {
    }

    /** A run ended: exit code, whether it was cancelled, the output's last lines. */
    /** {@code stubbed}: the run went through a drill's stubs (nothing real ran). */
    record ScriptRunFinished(Instant at, String operator, String runbookId, String procedureId, ScriptMode mode,
                             String sha256, int exitCode, boolean cancelled, List<String> outputTail, boolean stubbed)
            implements RollbackEvent {
        public ScriptRunFinished {
            outputTail = List.copyOf(outputTail);
        }

        public ScriptRunFinished(Instant at, String operator, String runbookId, String procedureId, ScriptMode mode,
                                 String sha256, int exitCode, boolean cancelled, List<String> outputTail) {
            this(at, operator, runbookId, procedureId, mode, sha256, exitCode, cancelled, outputTail, false);
        }
    }

    /** The run could not start (bash missing, no space for the temporary copy). */
    record ScriptRunFailed(Instant at, String operator, String runbookId, String procedureId, String sha256,
                           String reason) implements RollbackEvent {
    }
}
