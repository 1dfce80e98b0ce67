package io.incidentconsole.cli;

import io.incidentconsole.incident.GateRefusedException;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.storage.IncidentLock;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.PhaseLifecycle;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens an incident folder for one recording verb and turns what can go wrong into the verbs' exit codes: the
 * folder's lock is taken for the action (a console holding it means exit 4, nothing recorded), and a refused
 * phase action says which gate refused it and how to override it (exit 3).
 */
final class IncidentRecorder {

    /** What a verb does with the open incident; returns the exit code. */
    interface Action {
        int run(Incident incident) throws BadValueException;
    }

    /** A value the verb cannot use; the message says which and why (exit 2). */
    static final class BadValueException extends Exception {
        private static final long serialVersionUID = 1L;

        BadValueException(String message) {
            super(message);
        }
    }

    private IncidentRecorder() {
    }

    static int run(Path folder, String operator, Clock clock, PrintWriter err, Action action) {
        if (!Files.isDirectory(folder)) {
            err.println("error: " + folder + " is not a folder (give the incident's folder, as `new` printed it)");
            return ExitCodes.UNREADABLE;
        }
        Incident incident;
        try {
            incident = IncidentStore.openFolder(folder, operator, clock);
        } catch (IncidentException | JournalException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        try (incident) {
            if (incident.isReadOnly()) {
                err.println("error: the incident is held by a console (" + IncidentLock.holder(folder)
                        + "); nothing was recorded. Record it in that console, or close it there and run this again.");
                return ExitCodes.HELD;
            }
            IncidentWarnings.print(incident, err);
            return action.run(incident);
        } catch (GateRefusedException e) {
            refused(e.refusal(), err);
            return ExitCodes.REFUSED;
        } catch (BadValueException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_VALUE;
        } catch (JournalException e) {
            err.println("error: nothing was recorded: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        } catch (IncidentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
    }

    /** Says what refused the action and, when gates did, how to override them. */
    static void refused(PhaseLifecycle.Refusal refusal, PrintWriter err) {
        err.println("refused: " + refusal.message() + ". Nothing was recorded.");
        for (PhaseLifecycle.Gate gate : refusal.gates()) {
            err.println("  gate " + gate.kind().word() + " (" + gate.id() + "): " + gate.says());
        }
        if (refusal.overridable()) {
            err.println("To go ahead anyway, say why: " + refusal.overrideHint()
                    + " (the override and its reason are recorded and shown as overridden).");
        }
    }
}
