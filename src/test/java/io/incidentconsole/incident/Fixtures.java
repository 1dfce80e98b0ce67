package io.incidentconsole.incident;

import io.incidentconsole.incident.DrillEvents.DrillScenarioAttached;
import io.incidentconsole.incident.DrillEvents.DrillRunModeChosen;
import io.incidentconsole.incident.DrillEvents.ScenarioEventPlayed;
import io.incidentconsole.incident.DrillEvents.DrillClockAdvanced;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentconsole.incident.EventPayload.AlertAcknowledged;
import io.incidentconsole.incident.EventPayload.AlertCleared;
import io.incidentconsole.incident.EventPayload.AlertFired;
import io.incidentconsole.incident.EventPayload.Answer;
import io.incidentconsole.incident.EventPayload.AuditChecked;
import io.incidentconsole.incident.EventPayload.CommandCopied;
import io.incidentconsole.incident.EventPayload.CommandGenerated;
import io.incidentconsole.incident.EventPayload.CriterionTicked;
import io.incidentconsole.incident.EventPayload.DecisionTaken;
import io.incidentconsole.incident.EventPayload.FieldVerdict;
import io.incidentconsole.incident.EventPayload.GateOverridden;
import io.incidentconsole.incident.EventPayload.GuidedStepDone;
import io.incidentconsole.incident.EventPayload.HandoffShared;
import io.incidentconsole.incident.EventPayload.IncidentStarted;
import io.incidentconsole.incident.EventPayload.IncidentTakenOver;
import io.incidentconsole.incident.EventPayload.JournalContinued;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.EventPayload.ParameterEntered;
import io.incidentconsole.incident.EventPayload.PhaseCompleted;
import io.incidentconsole.incident.EventPayload.PhaseStarted;
import io.incidentconsole.incident.EventPayload.PhaseStatusChanged;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.ScriptRun;
import io.incidentconsole.incident.EventPayload.SignOffGiven;
import io.incidentconsole.incident.EventPayload.StepDecision;
import io.incidentconsole.incident.EventPayload.StepFinished;
import io.incidentconsole.incident.EventPayload.StepOutcomeDecided;
import io.incidentconsole.incident.EventPayload.StepRunAborted;
import io.incidentconsole.incident.EventPayload.StepSkipped;
import io.incidentconsole.incident.EventPayload.StepStarted;
import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.incident.EventPayload.TaskUnticked;
import io.incidentconsole.incident.EventPayload.TestResultSet;
import io.incidentconsole.incident.EventPayload.TestStepTicked;
import io.incidentconsole.incident.EventPayload.Undo;
import io.incidentconsole.incident.EventPayload.Unrecognized;
import io.incidentconsole.incident.EventPayload.UpdatePublished;
import io.incidentconsole.incident.EventPayload.WaitCutShort;
import io.incidentconsole.incident.EventPayload.WaitStarted;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;

import java.util.zip.CRC32;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The small test plan and one sample payload of every kind. */
public final class Fixtures {

    public static final String PLAN_RESOURCE = "/journal/small-plan.yaml";

    private Fixtures() {
    }

    public static String planText() {
        try (InputStream in = Fixtures.class.getResourceAsStream(PLAN_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Plan plan() {
        PlanLoadResult result = new PlanLoader().load("small-plan.yaml", planText());
        if (!result.ok()) {
            throw new IllegalStateException("test plan does not load: " + result.problems());
        }
        return result.plan();
    }

    /** A clock that moves one second per reading, so every event has its own time. */
    public static Clock ticking() {
        Instant start = Instant.parse("2026-11-27T08:00:00.123456Z");
        AtomicInteger ticks = new AtomicInteger();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plusSeconds(ticks.getAndIncrement());
            }
        };
    }

    public static Supplier<String> sequentialIds() {
        AtomicInteger next = new AtomicInteger();
        return () -> "id-" + next.incrementAndGet();
    }

    /** One payload of every kind this version knows, with every field set. */
    public static List<EventPayload> everyKind() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("x", 1);
        return List.of(
                new IncidentStarted("inc-1", "Database migration drill", "ab".repeat(32)),
                new PhaseStarted("backup"),
                new PhaseCompleted("backup", List.of("off-site copy still running")),
                new PhaseStatusChanged("migrate", PhaseStatus.BLOCKED, "waiting for DBA"),
                new GateOverridden("migrate", "dependencies", "backup verified by hand"),
                new TaskTicked("migrate", "migrate.run", "migrate.step-1"),
                new TaskUnticked("migrate", "migrate.run", "migrate.step-1"),
                new TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.FAIL, "500 on login"),
                new TestStepTicked("smoke", "smoke.checkout", 2, true),
                new GuidedStepDone("backup", "backup.snapshot", List.of("backup.task-1")),
                new WaitStarted("backup", "backup.snapshot", Duration.ofMinutes(10)),
                new WaitCutShort("backup", "backup.snapshot", "snapshot finished early"),
                new AuditChecked("migrate", "cd".repeat(32), false,
                        List.of(new FieldVerdict("details.orphanedRecordsExist", "false", "true", false))),
                new ParameterEntered("commit", "4f2a9c1", "backup.snapshot"),
                new CommandGenerated("rollback-db.restore.step-1", "ef".repeat(32), "git checkout 4f2a9c1 && deploy"),
                new CommandCopied("rollback-db.restore.step-1", "ef".repeat(32)),
                new ScriptRun("rollback-db.restore.step-1", "ef".repeat(32), 3, "deploy: error\n"),
                new DecisionTaken("go-no-go", List.of(new Answer("q1", "No")), "stop"),
                new CriterionTicked("rollback-db", "rollback-db.criterion-1", true, "error-rate = 4.2 at 08:10 UTC"),
                new RollbackStarted("rollback-db", "rollback-db.restore", "error rate 4%", "migrate"),
                new RollbackFinished("rollback-db", "rollback-db.restore", true, "restored", "migrate"),
                new StepStarted("r1", "rollback-db", "rollback-db.restore", "rollback-db.restore.step-1", 1, "Restore",
                        "git checkout '4f2a9c1'", 2, Duration.ofMinutes(5)),
                new StepFinished("r1", "rollback-db.restore", "rollback-db.restore.step-1", 2, 1, false, true,
                        Duration.ofMillis(1500), "error: timeout\nline 2", "steps/rollback-db.restore/r1/step-01.log"),
                new StepSkipped("r1", "rollback-db.restore", "rollback-db.restore.step-2", "done by hand by the DBA"),
                new StepOutcomeDecided("r1", "rollback-db.restore", "rollback-db.restore.step-1", StepDecision.RAN,
                        "checked git log"),
                new StepRunAborted("r1", "rollback-db", "rollback-db.restore", "wrong commit"),
                new HandoffShared("saved", "/tmp/handoff.md", "DBA is mid-restore", "# Handoff\n"),
                new IncidentTakenOver("ana", "ben", "shift change"),
                new AlertFired("error-rate-high", "error-rate", 4.2, "error rate above 2%"),
                new AlertCleared("error-rate-high", "error-rate", 1.1, "error rate back within 2%"),
                new AlertAcknowledged("error-rate-high", "rolling back"),
                new NoteAdded("migrate", "DBA on the bridge | \"quotes\" and\nnew line"),
                new SignOffGiven("signoff.lead", "Lead", "looks good"),
                new UpdatePublished("stakeholders", "#incident", "Rolled back; investigating"),
                new DrillScenarioAttached("package-update-regresses-auth", "The package update regresses auth",
                        "12".repeat(32)),
                new ScenarioEventPlayed(2, "error_rate rises +400% over 2m"),
                new DrillClockAdvanced(Duration.ofHours(24), "skip the 24 h watch"),
                new DrillRunModeChosen(true, "staging sandbox, safe to run"),
                new ScriptRun("rollback-db.restore", "ab".repeat(32), 0, "[drill] would run: deploy", true),
                new StepStarted("r2", "rollback-db", "rollback-db.restore", "rollback-db.restore.step-1", 1, "Restore",
                        "git checkout '4f2a9c1'", 1, Duration.ofMinutes(5), true),
                new Undo("id-3"),
                new JournalContinued(41, "journal-0001.jsonl", 42, "checksum mismatch"),
                new Unrecognized("FutureThing", fields, "a kind this version does not know"));
    }

    /** Builds a line the way the journal does, for content this version would not write itself. */
    public static byte[] withChecksum(String bodyWithoutClosingBrace) {
        byte[] body = bodyWithoutClosingBrace.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        return (bodyWithoutClosingBrace + ",\"crc\":\"" + String.format("%08x", crc.getValue()) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
