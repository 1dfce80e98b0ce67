package io.incidentconsole.board;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseScheduleTest {

    private final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final Instant t0 = Instant.parse("2026-01-29T08:00:00Z");

    private Event event(long seq, Duration after, EventPayload payload) {
        return new Event("e" + seq, seq, t0.plus(after), "ana", payload);
    }

    @Test
    void plannedWindowsBecomeDatesFromTheIncidentStartBesideTheActualTimes() {
        IncidentState state = IncidentState.replay(plan, List.of(
                event(1, Duration.ZERO, new EventPayload.IncidentStarted("i", "t", "s")),
                event(2, Duration.ofHours(1), new EventPayload.PhaseStarted("p330-1")),
                event(3, Duration.ofHours(60), new EventPayload.PhaseCompleted("p330-1", List.of()))));
        List<PhaseSchedule.Row> rows = PhaseSchedule.rows(plan, state);
        PhaseSchedule.Row first = rows.get(0);
        assertThat(first.phase().id()).isEqualTo("p330-1");
        assertThat(first.plannedStart()).isEqualTo(t0.plus(plan.phases().get(0).planned().start()));
        assertThat(first.plannedEnd()).isEqualTo(t0.plus(plan.phases().get(0).planned().end()));
        assertThat(first.actualStart()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(first.actualEnd()).isEqualTo(t0.plus(Duration.ofHours(60)));
        assertThat(first.late(t0.plus(Duration.ofHours(61)))).isEqualTo(first.actualEnd().isAfter(first.plannedEnd()));

        PhaseSchedule.Row second = rows.get(1);
        assertThat(second.actualStart()).isNull();
        assertThat(second.late(second.plannedEnd().minusSeconds(1))).isFalse();
        assertThat(second.late(second.plannedEnd().plusSeconds(1))).isTrue();
    }
}
