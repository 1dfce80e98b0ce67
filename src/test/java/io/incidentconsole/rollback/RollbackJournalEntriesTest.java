package io.incidentconsole.rollback;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.EventPayload.CommandCopied;
import io.incidentconsole.incident.EventPayload.CommandGenerated;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.ScriptRun;
import io.incidentconsole.rollback.RollbackEvent.CriterionTicked;
import io.incidentconsole.rollback.RollbackEvent.ScriptCopied;
import io.incidentconsole.rollback.RollbackEvent.ScriptGenerated;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunFailed;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunFinished;
import io.incidentconsole.rollback.RollbackEvent.ScriptRunStarted;
import io.incidentconsole.rollback.RollbackEvent.ScriptSaved;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackJournalEntriesTest {

    private static final String SHA = "3fa9c1d2e4b5" + "0".repeat(52);

    private final RollbackJournalEntries entries = new RollbackJournalEntries();

    @Test
    void ticksGenerationsAndCopiesMapOneToOneKeyedByTheProcedure() {
        assertThat(entries.of(new CriterionTicked(Fixtures.NOW, "alice", "rb330", "rb330.criterion-2",
                "Adapter errors", false)))
                .containsExactly(new EventPayload.CriterionTicked("rb330", "rb330.criterion-2", false));
        assertThat(entries.of(new ScriptGenerated(Fixtures.NOW, "alice", "rb330", "rb330-phase1", ScriptMode.EXECUTE,
                SHA, Map.of("commit", "abc1234"), "#!/usr/bin/env bash\ngit revert 'abc1234'\n")))
                .containsExactly(new CommandGenerated("rb330-phase1", SHA, "#!/usr/bin/env bash\ngit revert 'abc1234'\n"));
        assertThat(entries.of(new ScriptCopied(Fixtures.NOW, "alice", "rb330", "rb330-phase1", SHA)))
                .containsExactly(new CommandCopied("rb330-phase1", SHA));
        assertThat(entries.of(new ScriptSaved(Fixtures.NOW, "alice", "rb330", "rb330-phase1", SHA, "/tmp/r.sh")))
                .singleElement().isInstanceOfSatisfying(NoteAdded.class,
                        n -> assertThat(n.text()).contains("rb330-phase1", SHA, "/tmp/r.sh"));
    }

    @Test
    void aRealRunIsBracketedByRollbackStartedAndFinishedWithTheExitCodeAndTail() {
        assertThat(entries.of(new ScriptRunStarted(Fixtures.NOW, "alice", "rb330", "rb330-phase1", ScriptMode.EXECUTE,
                SHA, 4242))).singleElement().isInstanceOfSatisfying(RollbackStarted.class, started -> {
                    assertThat(started.runbookId()).isEqualTo("rb330");
                    assertThat(started.procedureId()).isEqualTo("rb330-phase1");
                    assertThat(started.reason()).contains("3fa9c1d2e4b5", "4242").doesNotContain(SHA);
                });
        assertThat(entries.of(new ScriptRunFinished(Fixtures.NOW, "alice", "rb330", "rb330-phase1", ScriptMode.EXECUTE,
                SHA, 0, false, List.of("reverted", "deployed"))))
                .containsExactly(new ScriptRun("rb330-phase1", SHA, 0, "reverted\ndeployed"),
                        new RollbackFinished("rb330", "rb330-phase1", true, "exit code 0"));
    }

    @Test
    void aCancelledOrFailingRunIsNotASuccess() {
        assertThat(entries.of(new ScriptRunFinished(Fixtures.NOW, "alice", "rb330", "rb330-phase1", ScriptMode.EXECUTE,
                SHA, 143, true, List.of("sleeping"))))
                .containsExactly(new ScriptRun("rb330-phase1", SHA, 143, "sleeping"),
                        new RollbackFinished("rb330", "rb330-phase1", false, "cancelled by the operator; exit code 143"));
        assertThat(entries.of(new ScriptRunFinished(Fixtures.NOW, "alice", "rb330", "rb330-phase1", ScriptMode.EXECUTE,
                SHA, 1, false, List.of())))
                .contains(new RollbackFinished("rb330", "rb330-phase1", false, "exit code 1"));
    }

    @Test
    void aDryRunRecordsItsScriptRunButNoRollback() {
        assertThat(entries.of(new ScriptRunStarted(Fixtures.NOW, "alice", "rb330", "rb330-phase1", ScriptMode.DRY_RUN,
                SHA, 7))).isEmpty();
        assertThat(entries.of(new ScriptRunFinished(Fixtures.NOW, "alice", "rb330", "rb330-phase1", ScriptMode.DRY_RUN,
                SHA, 0, false, List.of("+ git revert 'abc1234'"))))
                .containsExactly(new ScriptRun("rb330-phase1", SHA, 0, "+ git revert 'abc1234'"));
    }

    @Test
    void aRunThatCouldNotStartIsANoteWithTheReason() {
        assertThat(entries.of(new ScriptRunFailed(Fixtures.NOW, "alice", "rb330", "rb330-phase1", SHA,
                "Cannot run program \"/bin/bash\"")))
                .singleElement().isInstanceOfSatisfying(NoteAdded.class,
                        n -> assertThat(n.text()).contains("could not start", "Cannot run program"));
    }
}
