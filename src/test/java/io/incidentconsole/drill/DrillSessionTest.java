package io.incidentconsole.drill;

import io.incidentconsole.fixture.MovableClock;
import io.incidentconsole.incident.DrillEvents;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.rollback.StepCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundled scenario played on a driven clock (no sleeping): nothing before Phase 2 starts, each event once at its
 * time, fast-forwards shorten waits and bring events nearer, a real incident refuses every drill action.
 */
class DrillSessionTest {

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private Plan plan;
    private String planText;
    private IncidentStore store;

    @BeforeEach
    void setUp() {
        PlanLoader loader = new PlanLoader();
        plan = loader.loadBundledSeed().plan();
        planText = loader.bundledSeedText();
        store = new IncidentStore(data, clock);
    }

    private Incident drill() {
        return Drills.start(store, plan, "bundled", planText, "ana",
                Optional.of(Scenarios.load("package-update-regresses-auth", plan)));
    }

    private static List<String> kinds(List<Event> events) {
        return events.stream().map(e -> e.payload().kind()).toList();
    }

    @Test
    void theScenarioPlaysEachEventOnceAtItsTimeAfterPhaseTwoStarts() {
        try (Incident incident = drill()) {
            DrillSession session = DrillSession.of(incident, clock);
            assertThat(session.scenario()).map(Scenario::name).contains("package-update-regresses-auth");
            assertThat(incident.state().events()).extracting(e -> e.payload().kind())
                    .containsExactly("IncidentStarted", "DrillScenarioAttached");

            clock.advance(Duration.ofHours(1));
            assertThat(session.playDue()).as("nothing before its phase starts").isEmpty();
            assertThat(session.nextEvent()).isEmpty();

            incident.record(new EventPayload.GateOverridden("p330-2", "dependencies", "drill"));
            incident.record(new EventPayload.GateOverridden("p330-2", "approval", "drill"));
            incident.record(new EventPayload.PhaseStarted("p330-2"));
            Instant started = clock.instant();
            assertThat(session.nextEvent()).map(ScenarioDirector.Next::at).contains(started.plus(Duration.ofMinutes(5)));

            clock.advance(Duration.ofMinutes(4));
            assertThat(session.playDue()).isEmpty();
            clock.advance(Duration.ofMinutes(1));
            assertThat(kinds(session.playDue())).containsExactly("ScenarioEventPlayed", "ScenarioEventPlayed");
            assertThat(session.playDue()).as("played once").isEmpty();

            clock.advance(Duration.ofMinutes(1));
            assertThat(kinds(session.playDue())).containsExactly("TestResultSet", "ScenarioEventPlayed");
            IncidentState state = incident.state();
            assertThat(state.latestOutcome("p330-2", "t330-p2", "t330-p2.check-2")).contains(TestOutcome.FAIL);

            clock.advance(Duration.ofMinutes(2));
            assertThat(kinds(session.playDue())).containsExactly("AlertFired", "ScenarioEventPlayed",
                    "ScenarioEventPlayed");
            assertThat(incident.state().openAlerts()).singleElement()
                    .satisfies(a -> assertThat(a.message()).startsWith("[drill scenario] Convex error rate spikes"));
            assertThat(session.state().played()).containsOnlyKeys(1, 2, 3, 4, 5);
        }
    }

    @Test
    void aFastForwardShortensTheWaitsRunningAndBringsTheScenarioNearer() {
        try (Incident incident = drill()) {
            DrillSession session = DrillSession.of(incident, clock);
            incident.record(new EventPayload.GateOverridden("p330-2", "dependencies", "drill"));
            incident.record(new EventPayload.GateOverridden("p330-2", "approval", "drill"));
            incident.record(new EventPayload.PhaseStarted("p330-2"));
            assertThat(session.suggestedFastForward()).contains(Duration.ofMinutes(5));

            clock.advance(Duration.ofSeconds(1));
            List<Event> recorded = session.fastForward(Duration.ofMinutes(6), "skip ahead");
            assertThat(kinds(recorded)).containsExactly("DrillClockAdvanced", "ScenarioEventPlayed",
                    "ScenarioEventPlayed", "TestResultSet", "ScenarioEventPlayed");

            clock.advance(Duration.ofSeconds(1));
            incident.record(new EventPayload.WaitStarted("p330-2", "p330-2.step-5", Duration.ofHours(24)));
            WaitClock.Status waiting = session.waitClock().status(incident.state().phase("p330-2").waits().values()
                    .iterator().next());
            assertThat(waiting.remaining()).isEqualTo(Duration.ofHours(24));
            assertThat(waiting.fastForwarded()).as("an earlier fast-forward does not count for a later wait").isFalse();
            assertThat(session.suggestedFastForward()).contains(Duration.ofHours(24));

            clock.advance(Duration.ofSeconds(1));
            session.fastForward(Duration.ofHours(24), "the 24 h watch");
            WaitClock.Status over = session.waitClock().status(incident.state().phase("p330-2").waits().values()
                    .iterator().next());
            assertThat(over.state()).isEqualTo(WaitClock.State.ELAPSED);
            assertThat(over.fastForwardedBy()).isEqualTo(Duration.ofHours(24));
        }
    }

    @Test
    void aRealIncidentRefusesEveryDrillActionAndNeverStubs() {
        try (Incident incident = store.create(plan, "bundled", planText, "ana")) {
            DrillSession session = DrillSession.of(incident, clock);
            int before = incident.state().events().size();

            assertThat(session.stubbed()).isFalse();
            assertThatThrownBy(() -> session.fastForward(Duration.ofHours(24), "impatient"))
                    .isInstanceOf(DrillClock.NotADrillException.class).hasMessageContaining("is not a drill");
            assertThatThrownBy(() -> session.chooseRunMode(true, "x"))
                    .isInstanceOf(DrillClock.NotADrillException.class);
            assertThat(session.playDue()).isEmpty();
            assertThat(incident.state().events()).hasSize(before);

            incident.record(new EventPayload.WaitStarted("p330-2", "p330-2.step-5", Duration.ofHours(24)));
            clock.advance(Duration.ofHours(1));
            assertThat(session.waitClock().status(incident.state().phase("p330-2").waits().values().iterator().next())
                    .remaining()).isEqualTo(Duration.ofHours(23));
        }
    }

    @Test
    void runsAreStubbedUntilRunForRealIsChosenAndTheScriptedFailureIsArmedOnceItsEventPlayed() throws Exception {
        try (Incident incident = drill()) {
            DrillSession session = DrillSession.of(incident, clock);
            assertThat(session.stubbed()).isTrue();
            List<StepCommand> steps = List.of(
                    new StepCommand("rb330-phase2.step-1", 1, "Revert", "git checkout HEAD~1 package.json package-lock.json",
                            Duration.ofMinutes(10)),
                    new StepCommand("rb330-phase2.step-2", 2, null, "npm install", Duration.ofMinutes(10)));
            try (DrillStubs stubs = session.stubsFor(steps)) {
                assertThat(stubs.programs()).contains("git", "npm", "npx", "cp");
                assertThat(stubs.directory().resolve("fail")).isEmptyDirectory();
            }
            incident.record(new DrillEvents.ScenarioEventPlayed(5, "step fails"));
            try (DrillStubs stubs = session.stubsFor(steps)) {
                assertThat(stubs.directory().resolve("fail/1/argv")).hasContent("npm install");
            }
            incident.record(new EventPayload.ScriptRun("rb330-phase2", "ab".repeat(32), 1,
                    "[drill] would run: git checkout 'HEAD~1' package.json\n[drill] would run: npm install\nnpm ERR!",
                    true));
            try (DrillStubs stubs = session.stubsFor(steps)) {
                assertThat(stubs.directory().resolve("fail")).as("failed once, as scripted: the retry passes")
                        .isEmptyDirectory();
            }

            session.chooseRunMode(true, "sandbox repository");
            assertThat(session.stubbed()).isFalse();
            session.chooseRunMode(false, null);
            assertThat(session.stubbed()).isTrue();
        }
    }

}
