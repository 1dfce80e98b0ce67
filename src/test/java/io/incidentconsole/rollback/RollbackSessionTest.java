package io.incidentconsole.rollback;

import io.incidentconsole.plan.Runbook;
import io.incidentconsole.rollback.RollbackEvent.CriterionTicked;
import io.incidentconsole.rollback.RollbackEvent.ScriptCopied;
import io.incidentconsole.rollback.RollbackEvent.ScriptGenerated;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunFailed;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunFinished;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunStarted;
import io.incidentconsole.rollback.RollbackEvent.ScriptSaved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackSessionTest {

    private final List<RollbackEvent> journal = new CopyOnWriteArrayList<>();
    private final Runbook rb330 = Fixtures.seedRunbooks().runbook("rb330").orElseThrow();
    private final IncidentRef incident = new IncidentRef("INC-7", "Auth outage", "Issues #324 & #330", "alice");
    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

    private RollbackSession session(Map<String, String> known, Set<String> ticked) {
        return new RollbackSession(incident, rb330, known, ticked, new ScriptGenerator(), new ScriptFiles(),
                journal::add, clock);
    }

    @Test
    void tickingACriterionIsRecordedOnceAndUntickingToo() {
        RollbackSession session = session(Map.of(), Set.of());
        String first = rb330.criteria().get(0).id();

        session.tick(first, true);
        session.tick(first, true);
        DecisionChecklist checklist = session.tick(first, false);

        assertThat(checklist.tickedCount()).isZero();
        assertThat(journal).containsExactly(
                new CriterionTicked(Fixtures.NOW, "alice", "rb330", "rb330.criterion-1",
                        "Auth flows broken (can't login)", true),
                new CriterionTicked(Fixtures.NOW, "alice", "rb330", "rb330.criterion-1",
                        "Auth flows broken (can't login)", false));
    }

    @Test
    void ticksReplayedFromTheJournalAreShownWithoutBeingRecordedAgain() {
        RollbackSession session = session(Map.of(), Set.of("rb330.criterion-5", "unknown"));

        assertThat(session.checklist().items()).extracting(DecisionChecklist.Item::ticked)
                .containsExactly(false, false, false, false, true);
        assertThat(journal).isEmpty();
        assertThatThrownBy(() -> session.tick("rb330.criterion-9", true))
                .hasMessage("runbook 'rb330' has no criterion 'rb330.criterion-9'");
    }

    @Test
    void generationRecordsTheHashAndTheValuesAndARefusalRecordsNothing() throws Exception {
        RollbackSession session = session(Map.of(), Set.of());

        assertThatThrownBy(() -> session.generate(ScriptMode.EXECUTE)).isInstanceOf(ScriptRefusedException.class);
        assertThat(journal).isEmpty();

        session.set("commit", "abc1234");
        GeneratedScript script = session.generate(ScriptMode.EXECUTE);

        assertThat(script.text()).contains("# Operator:  alice\n", "# Incident:  INC-7 (Auth outage)\n");
        assertThat(journal).containsExactly(new ScriptGenerated(Fixtures.NOW, "alice", "rb330", "rb330-phase1",
                ScriptMode.EXECUTE, script.sha256(), Map.of("commit", "abc1234"), script.text()));
    }

    @Test
    void theIncidentsCommitPrefillsAndEnteredValuesCarryAcrossProcedures() {
        RollbackSession session = session(Map.of("commit", "fedcba9"), Set.of());
        assertThat(session.form().field("commit").orElseThrow().source()).isEqualTo(ValueSource.INCIDENT);

        session.selectProcedure("rb330-phase2");
        session.set("betterAuth", "better-auth@1.3.30");
        session.selectProcedure("rb330-phase1");
        RollbackForm phase2 = session.selectProcedure("rb330-phase2");

        assertThat(phase2.procedure().id()).isEqualTo("rb330-phase2");
        assertThat(phase2.field("betterAuth").orElseThrow().value()).isEqualTo("better-auth@1.3.30");
        assertThat(session.reset("betterAuth").field("betterAuth").orElseThrow().value())
                .isEqualTo("better-auth@1.3.34");
        assertThatThrownBy(() -> session.selectProcedure("rb324-code"))
                .hasMessage("runbook 'rb330' has no procedure 'rb324-code'");
    }

    @Test
    void copyAndSaveAreRecordedWithTheScriptsHash(@TempDir Path dir) throws Exception {
        RollbackSession session = session(Map.of("commit", "abc1234"), Set.of());
        GeneratedScript script = session.generate(ScriptMode.EXECUTE);

        session.copied(script);
        Path saved = session.save(script, dir.resolve("rb.sh"));

        assertThat(journal).hasSize(3);
        assertThat(journal.get(1)).isEqualTo(new ScriptCopied(Fixtures.NOW, "alice", "rb330", "rb330-phase1",
                script.sha256()));
        assertThat(journal.get(2)).isEqualTo(new ScriptSaved(Fixtures.NOW, "alice", "rb330", "rb330-phase1",
                script.sha256(), saved.toString()));
    }

    @Test
    void aRunIsRecordedWhenItStartsAndWithItsExitCodeAndTailWhenItEnds(@TempDir Path dir) throws Exception {
        RollbackSession session = session(Map.of("commit", "abc1234"), Set.of());
        GeneratedScript script = session.generate(ScriptMode.DRY_RUN);
        ScriptRunner runner = new ScriptRunner(Path.of("/bin/bash"), 10, Duration.ofSeconds(2),
                ScriptRunner.NON_INTERACTIVE, Clock.systemUTC());

        RunningScript running = session.run(script, runner, dir, line -> { });
        RunResult result = running.result().get(30, TimeUnit.SECONDS);
        waitForEvents(3);

        assertThat(journal.get(1)).isEqualTo(new ScriptRunStarted(Fixtures.NOW, "alice", "rb330", "rb330-phase1",
                ScriptMode.DRY_RUN, script.sha256(), running.pid()));
        assertThat(journal.get(2)).isEqualTo(new ScriptRunFinished(result.endedAt(), "alice", "rb330",
                "rb330-phase1", ScriptMode.DRY_RUN, script.sha256(), 0, false,
                List.of("+ git revert 'abc1234'", "+ npx convex deploy")));
    }

    @Test
    void aRunThatCannotStartIsRecordedWithTheReason(@TempDir Path dir) throws Exception {
        RollbackSession session = session(Map.of("commit", "abc1234"), Set.of());
        GeneratedScript script = session.generate(ScriptMode.DRY_RUN);
        ScriptRunner noBash = new ScriptRunner(dir.resolve("no-such-bash"), 10, Duration.ofSeconds(1),
                Map.of(), Clock.systemUTC());

        assertThatThrownBy(() -> session.run(script, noBash, dir, line -> { })).isInstanceOf(IOException.class);

        assertThat(journal.get(1)).isInstanceOfSatisfying(ScriptRunFailed.class,
                failed -> assertThat(failed.reason()).contains("no-such-bash"));
    }

    /** The script runs in a real process whose output arrives on its own threads: poll for the events, briefly. */
    private void waitForEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (journal.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
