package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.*;
import io.incidentconsole.incident.Disagreement;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the state says when several consoles act on one incident: disputed tests, raced completions, overrides. */
class TeamConflictRulesTest {

    private final Plan plan = Fixtures.plan();
    private final List<Event> events = new ArrayList<>();
    private IncidentState state = IncidentState.initial(plan);

    /** An event at 10:MM UTC, in the order the database gives. */
    private Event act(String operator, int minute, EventPayload payload) {
        Event event = new Event("e" + (events.size() + 1), events.size() + 1,
                Instant.parse("2026-11-27T10:00:00Z").plusSeconds(60L * minute), operator, payload);
        events.add(event);
        state = state.apply(event);
        return event;
    }

    private static TestResultSet smoke(TestOutcome outcome) {
        return new TestResultSet("smoke", "smoke.check-1", "migrate", outcome, null);
    }

    private TestRecord smokeRecord() {
        return state.tests().get(new TestKey("migrate", "smoke", "smoke.check-1"));
    }

    @Test
    void theLatestResultWinsAndADifferentLatestOfAnotherOperatorIsADispute() {
        act("alice", 2, smoke(TestOutcome.PASS));
        act("bob", 3, smoke(TestOutcome.FAIL));

        TestRecord record = smokeRecord();
        assertThat(record.history()).extracting(TestResult::operator).containsExactly("alice", "bob");
        assertThat(record.latest().outcome()).isEqualTo(TestOutcome.FAIL);
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-1")).contains(TestOutcome.FAIL);
        Disagreement disagreement = record.disagreement().orElseThrow();
        assertThat(disagreement.latest().operator()).isEqualTo("bob");
        assertThat(disagreement.dissent()).singleElement().satisfies(r -> {
            assertThat(r.operator()).isEqualTo("alice");
            assertThat(r.outcome()).isEqualTo(TestOutcome.PASS);
            assertThat(r.at()).isEqualTo(Instant.parse("2026-11-27T10:02:00Z"));
        });
        assertThat(IncidentState.replay(plan, events)).isEqualTo(state);
    }

    @Test
    void anOperatorChangingTheirOwnMindOrAgreeingLaterIsNoDispute() {
        act("alice", 1, smoke(TestOutcome.PASS));
        act("alice", 2, smoke(TestOutcome.FAIL));
        assertThat(smokeRecord().disagreement()).as("one operator, re-run").isEmpty();

        act("bob", 3, smoke(TestOutcome.PASS));
        assertThat(smokeRecord().disagreement()).isPresent();
        act("alice", 4, smoke(TestOutcome.PASS));
        assertThat(smokeRecord().disagreement()).as("alice now agrees with bob").isEmpty();
        assertThat(smokeRecord().history()).hasSize(4);
    }

    @Test
    void aSecondCompletionChangesNothingAndTheTimelineSaysWhy() {
        act("alice", 0, new PhaseStarted("backup"));
        Event first = act("alice", 2, new PhaseCompleted("backup", List.of()));
        IncidentState afterFirst = state;
        Event second = act("bob", 3, new PhaseCompleted("backup", List.of("off-site copy")));

        assertThat(state.phases()).isEqualTo(afterFirst.phases());
        assertThat(state.phase("backup").completedAt()).isEqualTo(first.at());
        assertThat(state.phase("backup").confirmedOpenItems()).isEmpty();
        assertThat(state.completion("backup")).hasValueSatisfying(c -> {
            assertThat(c.operator()).isEqualTo("alice");
            assertThat(c.eventId()).isEqualTo(first.id());
        });
        assertThat(state.ignoredBecause(second.id())).contains("ignored: already completed by alice at 10:02 UTC");
        assertThat(state.ignoredBecause(first.id())).isEmpty();
        assertThat(new Timeline(state).entries()).last()
                .satisfies(e -> assertThat(e.summary()).endsWith("— ignored: already completed by alice at 10:02 UTC"));
        assertThat(IncidentState.replay(plan, events)).isEqualTo(state);
    }

    @Test
    void aReopenedPhaseCanBeCompletedAgainAndUndoingTheFirstCompletionLetsTheSecondCount() {
        act("alice", 1, new PhaseCompleted("backup", List.of()));
        act("bob", 2, new PhaseStatusChanged("backup", PhaseStatus.IN_PROGRESS, "snapshot was corrupt"));
        assertThat(state.completion("backup")).isEmpty();
        Event again = act("bob", 3, new PhaseCompleted("backup", List.of()));
        assertThat(state.ignoredBecause(again.id())).isEmpty();
        assertThat(state.completion("backup")).hasValueSatisfying(c -> assertThat(c.operator()).isEqualTo("bob"));

        events.clear();
        state = IncidentState.initial(plan);
        Event first = act("alice", 1, new PhaseCompleted("backup", List.of()));
        Event raced = act("bob", 2, new PhaseCompleted("backup", List.of()));
        act("alice", 3, new Undo(first.id()));
        assertThat(state.ignoredBecause(raced.id())).isEmpty();
        assertThat(state.completion("backup")).hasValueSatisfying(c -> assertThat(c.operator()).isEqualTo("bob"));
    }

    @Test
    void aPhaseTheStateShowsCompleteIsNotRecordedAgain(@TempDir Path dir) {
        IncidentMetadata metadata = new IncidentMetadata(IncidentMetadata.FORMAT, "inc", Instant.EPOCH, "alice",
                plan.plan().title(), "test", "00");
        try (Incident incident = new Incident(metadata, dir, plan, FileJournal.open(dir), "bob", null)) {
            incident.record(new PhaseStarted("backup"));
            incident.record(new PhaseCompleted("backup", List.of()));
            assertThatThrownBy(() -> incident.record(new PhaseCompleted("backup", List.of())))
                    .isInstanceOf(IncidentException.class)
                    .hasMessageContaining("Phase 1: Backup is already complete (completed by bob at")
                    .hasMessageContaining("Nothing was recorded");
            assertThat(incident.journal().events()).hasSize(2);
        }
    }

    @Test
    void aGateOverrideFromAnyConsoleIsInTheStateWithWhoAndWhy() {
        act("carol", 5, new GateOverridden("migrate", "dependencies", "backup verified by hand"));
        assertThat(state.phase("migrate").gateOverrides()).singleElement().satisfies(o -> {
            assertThat(o.operator()).isEqualTo("carol");
            assertThat(o.reason()).isEqualTo("backup verified by hand");
        });
    }
}
