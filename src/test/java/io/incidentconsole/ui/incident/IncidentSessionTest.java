package io.incidentconsole.ui.incident;

import io.incidentconsole.ui.common.BackgroundTasks;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/** The session hands a burst of events to the FX thread as one state change, the newest. */
class IncidentSessionTest {

    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final IncidentSession session = new IncidentSession(new BackgroundTasks(Runnable::run, uiQueue::add));

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aBurstOfEventsIsOneHopToTheUiCarryingTheNewestState(@TempDir Path data) {
        PlanLoader loader = new PlanLoader();
        Plan plan = loader.loadBundledSeed().plan();
        Incident incident = new IncidentStore(data).create(plan, "bundled", loader.bundledSeedText(), "ana");
        session.attach(incident);
        int before = session.stateProperty().get().events().size();

        for (int i = 0; i < 5; i++) {
            incident.record(new EventPayload.NoteAdded(null, "note " + i));
        }

        assertThat(uiQueue).hasSize(1);
        assertThat(session.stateProperty().get().events()).hasSize(before);
        uiQueue.remove().run();
        assertThat(session.stateProperty().get().events()).hasSize(before + 5);

        incident.record(new EventPayload.NoteAdded(null, "later"));
        assertThat(uiQueue).hasSize(1);
    }

    @Test
    void aStateForAnIncidentThatWasReplacedIsDropped(@TempDir Path data) {
        PlanLoader loader = new PlanLoader();
        Plan plan = loader.loadBundledSeed().plan();
        IncidentStore store = new IncidentStore(data);
        Incident first = store.create(plan, "bundled", loader.bundledSeedText(), "ana");
        session.attach(first);
        first.record(new EventPayload.NoteAdded(null, "late news"));
        Incident second = store.create(plan, "bundled", loader.bundledSeedText(), "ana");
        session.attach(second);

        uiQueue.forEach(Runnable::run);

        assertThat(session.incidentProperty().get()).isSameAs(second);
        assertThat(session.stateProperty().get().events()).hasSize(second.state().events().size());
    }
}
