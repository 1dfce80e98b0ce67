package io.incidentconsole.ui.board;

import io.incidentconsole.settings.Settings;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.team.InMemoryTeam;
import io.incidentconsole.team.TeamDatabaseAddress;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's view model on a team incident: who ticked what, and completions that come too late. */
class PhaseBoardTeamRulesTest {

    private final PlanLoader loader = new PlanLoader();
    private final Plan plan = loader.loadBundledSeed().plan();
    private final InMemoryTeam team = new InMemoryTeam(
            Clock.fixed(Instant.parse("2026-11-27T10:02:00Z"), ZoneOffset.UTC), Path.of("cache"));
    private final IncidentSession session = new IncidentSession(BackgroundTasks.direct());

    private Incident bob() {
        return team.connect(TeamDatabaseAddress.parse("postgresql://db/incidents"))
                .start(plan, "bundled", loader.bundledSeedText(), "bob");
    }

    private PhaseBoardViewModel board(Incident bob) {
        session.attach(team.connect(TeamDatabaseAddress.parse("postgresql://db/incidents")).join(bob.id(), "ana"));
        PhaseBoardViewModel board = new PhaseBoardViewModel(session, new SimpleObjectProperty<>(plan),
                new Settings(Path.of("cache", "settings.properties")));
        board.activate();
        return board;
    }

    private PhaseBoardViewModel.Card card(PhaseBoardViewModel board, String phaseId) {
        return board.boardProperty().get().cards().stream().filter(c -> c.phase().id().equals(phaseId)).findFirst()
                .orElseThrow();
    }

    @Test
    void aCompletePhaseIsNotCompletedAgainAndTheBoardSaysWhoCompletedIt() {
        Incident bob = bob();
        PhaseBoardViewModel board = board(bob);
        bob.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        bob.record(new EventPayload.PhaseStarted("p330-1"));
        bob.record(new EventPayload.GateOverridden("p330-1", "verification", "drill"));
        bob.record(new EventPayload.PhaseCompleted("p330-1", List.of()));
        int events = team.events(bob.id()).size();

        board.complete("p330-1");
        assertThat(team.events(bob.id())).as("nothing recorded").hasSize(events);
        assertThat(board.noticeProperty().get()).isEqualTo("Phase 1: Emergency N+1 Fixes is already complete "
                + "(completed by bob at 10:02 UTC); a phase cannot be completed twice. Nothing was recorded.");
        assertThat(card(board, "p330-1").timing()).endsWith("Completed Nov 27 10:02 UTC by bob");
    }

    @Test
    void ticksAndConfirmationsNameTheirOperatorUntilUndoneOrUnticked() {
        Incident bob = bob();
        PhaseBoardViewModel board = board(bob);
        bob.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        bob.record(new EventPayload.PhaseStarted("p330-1"));
        bob.record(new EventPayload.TaskTicked("p330-1", "p330-1.task-1"));
        board.setTask("p330-1", "p330-1.task-2", true);
        String criterion = plan.phase("p330-1").orElseThrow().successCriteria().get(0).id();
        bob.record(new EventPayload.CriterionTicked("p330-1", criterion, true));
        assertThat(card(board, "p330-1").tickedBy())
                .containsEntry("p330-1.task-1", "bob 10:02 UTC")
                .containsEntry("p330-1.task-2", "ana 10:02 UTC");
        assertThat(card(board, "p330-1").confirmedBy()).containsEntry(criterion, "bob 10:02 UTC");

        bob.record(new EventPayload.TaskUnticked("p330-1", "p330-1.task-1"));
        String anasTick = team.events(bob.id()).stream()
                .filter(e -> e.payload() instanceof EventPayload.TaskTicked t && t.taskId().equals("p330-1.task-2"))
                .findFirst().orElseThrow().id();
        session.undo(anasTick);
        assertThat(card(board, "p330-1").tickedBy()).isEmpty();
        assertThat(card(board, "p330-1").tickedTasks()).isEmpty();
    }
}
