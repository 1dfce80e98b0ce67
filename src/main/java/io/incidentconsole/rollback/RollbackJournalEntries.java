package io.incidentconsole.rollback;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.EventPayload.CommandCopied;
import io.incidentconsole.incident.EventPayload.CommandGenerated;
import io.incidentconsole.incident.EventPayload.CriterionTicked;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.ScriptRun;
import io.incidentconsole.rollback.RollbackEvent.ScriptCopied;
import io.incidentconsole.rollback.RollbackEvent.ScriptGenerated;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunFailed;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunFinished;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunStarted;
import io.incidentconsole.rollback.RollbackEvent.ScriptSaved;

import java.util.List;

/**
 * What the incident journal keeps of each rollback act. The journal's commands are keyed by the procedure id
 * (the "source"); a real run is bracketed by RollbackStarted / RollbackFinished, a dry run is not, because it
 * rolls nothing back. The operator is not repeated: every journal event carries its own.
 */
public final class RollbackJournalEntries {

    /** A short prefix of a script hash for sentences ("script 3fa9c1d2e4b5"). */
    private static final int SHORT_HASH = 12;

    /**
     * The phase a procedure's run moves (ROLLING BACK when it starts, ROLLED BACK when it succeeds), or null when
     * it moves none (the lifecycle would not allow it, or the procedure names no phase).
     */
    public interface Phases {
        String startedFor(String procedureId);

        String finishedFor(String procedureId);

        Phases NONE = new Phases() {
            @Override
            public String startedFor(String procedureId) {
                return null;
            }

            @Override
            public String finishedFor(String procedureId) {
                return null;
            }
        };
    }

    private final Phases phases;

    public RollbackJournalEntries(Phases phases) {
        this.phases = phases;
    }

    public RollbackJournalEntries() {
        this(Phases.NONE);
    }

    public List<EventPayload> of(RollbackEvent event) {
        if (event instanceof RollbackEvent.CriterionTicked e) {
            return List.of(new CriterionTicked(e.runbookId(), e.criterionId(), e.ticked()));
        }
        if (event instanceof ScriptGenerated e) {
            return List.of(new CommandGenerated(e.procedureId(), e.sha256(), e.script()));
        }
        if (event instanceof ScriptCopied e) {
            return List.of(new CommandCopied(e.procedureId(), e.sha256()));
        }
        if (event instanceof ScriptSaved e) {
            return List.of(new NoteAdded(null, "Saved rollback script " + e.procedureId() + " (sha256 "
                    + e.sha256() + ") as " + e.file()));
        }
        if (event instanceof ScriptRunStarted e) {
            if (e.mode() == ScriptMode.DRY_RUN) {
                return List.of();
            }
            return List.of(new RollbackStarted(e.runbookId(), e.procedureId(),
                    "script " + shortHash(e.sha256()) + " run by the console (pid " + e.pid() + ")",
                    phases.startedFor(e.procedureId())));
        }
        if (event instanceof ScriptRunFinished e) {
            ScriptRun run = new ScriptRun(e.procedureId(), e.sha256(), e.exitCode(), String.join("\n", e.outputTail()),
                    e.stubbed() ? Boolean.TRUE : null);
            if (e.mode() == ScriptMode.DRY_RUN) {
                return List.of(run);
            }
            boolean succeeded = e.exitCode() == 0 && !e.cancelled();
            String note = (e.stubbed() ? "through the drill's stubs (nothing real ran); " : "")
                    + (e.cancelled() ? "cancelled by the operator; exit code " + e.exitCode()
                    : "exit code " + e.exitCode());
            return List.of(run, new RollbackFinished(e.runbookId(), e.procedureId(), succeeded, note,
                    succeeded ? phases.finishedFor(e.procedureId()) : null));
        }
        if (event instanceof ScriptRunFailed e) {
            return List.of(new NoteAdded(null, "Rollback script " + e.procedureId() + " (sha256 " + e.sha256()
                    + ") could not start: " + e.reason()));
        }
        throw new IllegalArgumentException("unknown rollback event " + event);
    }

    private static String shortHash(String sha256) {
        return sha256.length() > SHORT_HASH ? sha256.substring(0, SHORT_HASH) : sha256;
    }
}
