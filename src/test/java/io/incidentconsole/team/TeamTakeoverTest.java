package io.incidentconsole.team;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentHolder;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A takeover is an event like any other: every console of a team incident sees the new holder. */
class TeamTakeoverTest {

    @Test
    void everyConsoleSeesWhoTookTheIncidentOver() {
        InMemoryTeam team = new InMemoryTeam(Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC),
                Path.of("cache"));
        TeamDatabaseAddress address = TeamDatabaseAddress.parse("postgresql://db.example/incidents");
        PlanLoader loader = new PlanLoader();
        try (TeamIncidents anaConsole = team.connect(address); TeamIncidents benConsole = team.connect(address);
             Incident ana = anaConsole.start(loader.loadBundledSeed().plan(), "bundled", loader.bundledSeedText(), "ana");
             Incident ben = benConsole.join(ana.id(), "ben")) {
            assertThat(IncidentHolder.of(ben.state()).orElseThrow().operator()).isEqualTo("ana");

            ben.takeOver("ben", "night shift");

            assertThat(IncidentHolder.of(ana.state()).orElseThrow().operator()).as("ana's console").isEqualTo("ben");
            assertThat(ana.state().lastEvent().orElseThrow().payload())
                    .isEqualTo(new EventPayload.IncidentTakenOver("ana", "ben", "night shift"));
            assertThat(ben.record(new EventPayload.NoteAdded(null, "on it")).operator()).isEqualTo("ben");
            assertThat(ana.operator()).as("ana's console still records as ana until she leaves").isEqualTo("ana");
        }
    }
}
