package io.incidentconsole.handoff;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentHolder;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoffBuilderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    @TempDir
    Path home;

    private Incident bundledIncident() throws Exception {
        String text;
        try (var in = PlanLoader.class.getResourceAsStream("/plans/issue-324-330-coordination.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Plan plan = new PlanLoader().load("seed.yaml", text).plan();
        return new IncidentStore(home, Clock.fixed(NOW, ZoneOffset.UTC)).create(plan, "seed.yaml", text, "ana");
    }

    @Test
    void onlyTheLastFifteenEventsAreListedNewestLast() throws Exception {
        try (Incident incident = bundledIncident()) {
            for (int i = 1; i <= 20; i++) {
                incident.record(new EventPayload.NoteAdded(null, "note " + i));
            }
            HandoffSummary summary = new HandoffBuilder(Clock.fixed(NOW, ZoneOffset.UTC))
                    .build(incident.state(), incident.id(), "ana");
            assertThat(summary.lastEvents()).hasSize(15);
            assertThat(summary.lastEvents().get(0)).endsWith("Note: note 6");
            assertThat(summary.lastEvents().get(14)).endsWith("Note: note 20");
            assertThat(summary.preparedAt()).isEqualTo(NOW);
            assertThat(summary.phasesInProgress()).isEmpty();
            assertThat(HandoffMarkdown.render(summary)).contains("- **In progress:** no phase",
                    "## Open alerts\n\n- none\n");
        }
    }

    @Test
    void takingOverRecordsTheNewHolderAndLaterEventsCarryTheirName() throws Exception {
        try (Incident incident = bundledIncident()) {
            assertThat(IncidentHolder.of(incident.state())).hasValueSatisfying(h -> {
                assertThat(h.operator()).isEqualTo("ana");
                assertThat(h.tookOver()).isFalse();
            });
            Event takeover = incident.takeOver(" ben ", "night shift");
            assertThat(takeover.operator()).isEqualTo("ben");
            assertThat(takeover.payload()).isEqualTo(new EventPayload.IncidentTakenOver("ana", "ben", "night shift"));
            assertThat(incident.operator()).isEqualTo("ben");
            assertThat(incident.record(new EventPayload.NoteAdded(null, "hello")).operator()).isEqualTo("ben");
            assertThat(IncidentHolder.of(incident.state())).hasValue(new IncidentHolder("ben", takeover.at(), true));
            assertThatThrownBy(() -> incident.takeOver("ben", null)).hasMessageContaining("already has");
            assertThatThrownBy(() -> incident.takeOver(" ", null)).hasMessageContaining("required");

            incident.undo(takeover.id());
            assertThat(IncidentHolder.of(incident.state()).orElseThrow().operator())
                    .as("an undone takeover gives the incident back").isEqualTo("ana");
        }
    }
}
