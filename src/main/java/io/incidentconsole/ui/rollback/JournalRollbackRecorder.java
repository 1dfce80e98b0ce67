package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.rollback.RollbackEvent;
import io.incidentconsole.rollback.RollbackJournalEntries;
import io.incidentconsole.rollback.RollbackRecorder;
import io.incidentconsole.ui.incident.IncidentSession;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Records rollback acts in the open incident's journal through the session. The end of a run arrives on the
 * runner's thread, so everything is handed to the FX thread first (the session belongs to it). With no
 * writable incident nothing is recorded: the rollback view says so on screen rather than raising an error per act.
 */
public final class JournalRollbackRecorder implements RollbackRecorder {

    private final IncidentSession session;
    private final RollbackJournalEntries entries;
    private final Executor fxThread;

    /** @param fxThread runs work on the FX thread (Platform::runLater in the app) */
    public JournalRollbackRecorder(IncidentSession session, RollbackJournalEntries entries, Executor fxThread) {
        this.session = session;
        this.entries = entries;
        this.fxThread = fxThread;
    }

    @Override
    public void record(RollbackEvent event) {
        List<EventPayload> payloads = entries.of(event);
        if (javafx.application.Platform.isFxApplicationThread()) {
            recordAll(payloads);
        } else {
            fxThread.execute(() -> recordAll(payloads));
        }
    }

    private void recordAll(List<EventPayload> payloads) {
        if (!session.writableBinding().get()) {
            return;
        }
        payloads.forEach(session::record);
    }
}
