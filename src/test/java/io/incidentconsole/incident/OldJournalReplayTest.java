package io.incidentconsole.incident;

import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal written by 0.1 (lines as 0.1 wrote them: no step on a task tick, no tasks on a guided step, no phase on
 * a rollback) replays to the state 0.1 showed: a guided step ticks no task, a rollback moves no phase, a phase
 * completed without being started is complete. What 0.1 could not say is added as such: that completion is shown
 * unverified.
 */
class OldJournalReplayTest {

    private static final String[] LINES = {
            "{\"seq\":1,\"id\":\"a1\",\"at\":\"2026-11-27T08:00:00Z\",\"operator\":\"ana\",\"kind\":\"IncidentStarted\","
                    + "\"payload\":{\"incidentId\":\"inc\",\"planTitle\":\"Database migration drill\",\"planSha256\":\"00\"}",
            "{\"seq\":2,\"id\":\"a2\",\"at\":\"2026-11-27T08:01:00Z\",\"operator\":\"ana\",\"kind\":\"GuidedStepDone\","
                    + "\"payload\":{\"phaseId\":\"backup\",\"stepId\":\"backup.snapshot\"}",
            "{\"seq\":3,\"id\":\"a3\",\"at\":\"2026-11-27T08:02:00Z\",\"operator\":\"ana\",\"kind\":\"TaskTicked\","
                    + "\"payload\":{\"phaseId\":\"backup\",\"taskId\":\"backup.task-2\"}",
            "{\"seq\":4,\"id\":\"a4\",\"at\":\"2026-11-27T08:03:00Z\",\"operator\":\"ana\",\"kind\":\"PhaseCompleted\","
                    + "\"payload\":{\"phaseId\":\"backup\",\"confirmedOpenItems\":[\"Task not ticked: snapshot\"]}",
            "{\"seq\":5,\"id\":\"a5\",\"at\":\"2026-11-27T08:04:00Z\",\"operator\":\"bo\",\"kind\":\"GateOverridden\","
                    + "\"payload\":{\"phaseId\":\"migrate\",\"gate\":\"dependencies\",\"reason\":\"by hand\"}",
            "{\"seq\":6,\"id\":\"a6\",\"at\":\"2026-11-27T08:05:00Z\",\"operator\":\"bo\",\"kind\":\"PhaseStarted\","
                    + "\"payload\":{\"phaseId\":\"migrate\"}",
            "{\"seq\":7,\"id\":\"a7\",\"at\":\"2026-11-27T08:06:00Z\",\"operator\":\"bo\",\"kind\":\"TestResultSet\","
                    + "\"payload\":{\"suiteId\":\"smoke\",\"testId\":\"smoke.check-1\",\"phaseId\":null,"
                    + "\"outcome\":\"PASS\",\"note\":null}",
            "{\"seq\":8,\"id\":\"a8\",\"at\":\"2026-11-27T08:07:00Z\",\"operator\":\"bo\",\"kind\":\"RollbackStarted\","
                    + "\"payload\":{\"runbookId\":\"rollback-db\",\"procedureId\":\"rollback-db.restore\",\"reason\":\"x\"}",
            "{\"seq\":9,\"id\":\"a9\",\"at\":\"2026-11-27T08:08:00Z\",\"operator\":\"bo\",\"kind\":\"RollbackFinished\","
                    + "\"payload\":{\"runbookId\":\"rollback-db\",\"procedureId\":\"rollback-db.restore\","
                    + "\"succeeded\":true,\"note\":\"exit code 0\"}",
            "{\"seq\":10,\"id\":\"a10\",\"at\":\"2026-11-27T08:09:00Z\",\"operator\":\"bo\",\"kind\":\"CriterionTicked\","
                    + "\"payload\":{\"runbookId\":\"rollback-db\",\"criterionId\":\"rollback-db.criterion-1\",\"ticked\":true}",
    };

    private static List<Event> decode() throws EventCodec.DamagedLineException {
        EventCodec codec = new EventCodec();
        List<Event> events = new ArrayList<>();
        for (String body : LINES) {
            CRC32 crc = new CRC32();
            crc.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] line = (body + ",\"crc\":\"" + String.format("%08x", crc.getValue()) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            events.add(codec.decode(line, 0, line.length));
        }
        return events;
    }

    @Test
    void aJournalOf01ReplaysToTheStateItShowed() throws Exception {
        Plan plan = Fixtures.plan();
        List<Event> events = decode();
        assertThat(events).noneMatch(e -> e.payload() instanceof EventPayload.Unrecognized);

        IncidentState state = IncidentState.replay(plan, events);

        PhaseState backup = state.phase("backup");
        assertThat(backup.status()).isEqualTo(PhaseStatus.COMPLETE);
        assertThat(backup.guidedStepsDone()).containsExactly("backup.snapshot");
        assertThat(backup.tickedTasks()).containsExactly("backup.task-2");
        assertThat(backup.confirmedOpenItems()).containsExactly("Task not ticked: snapshot");
        assertThat(state.completion("backup")).hasValueSatisfying(c -> assertThat(c.operator()).isEqualTo("ana"));
        assertThat(PhaseLifecycle.label(state, "backup")).isEqualTo("COMPLETE");

        PhaseState migrate = state.phase("migrate");
        assertThat(migrate.status()).isEqualTo(PhaseStatus.IN_PROGRESS);
        assertThat(migrate.gateOverrides()).extracting(PhaseState.GateOverride::gate).containsExactly("dependencies");
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-1")).contains(TestOutcome.PASS);
        assertThat(state.rollbacks()).singleElement().satisfies(r -> assertThat(r.succeeded()).isTrue());
        assertThat(state.tickedCriteria("rollback-db")).containsExactly("rollback-db.criterion-1");
        assertThat(state.ignoredBecause("a4")).isEmpty();
        assertThat(state.ignoredBecause("a9")).isEmpty();
    }

    @Test
    void the01LinesAreWhatThisVersionWritesForTheSameActions() throws Exception {
        EventCodec codec = new EventCodec();
        for (Event event : decode()) {
            String written = new String(codec.encode(event), StandardCharsets.UTF_8);
            String original = LINES[(int) event.seq() - 1];
            if (event.payload() instanceof EventPayload.CriterionTicked) {
                original = original.replace("\"runbookId\"", "\"ownerId\"");
            }
            assertThat(written).startsWith(original.replace("\"at\":\"2026-11-27T08:", "\"at\":\"2026-11-27T08:"));
        }
    }
}
