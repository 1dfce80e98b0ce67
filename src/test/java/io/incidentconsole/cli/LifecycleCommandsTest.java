package io.incidentconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scriptable incident on the bundled plan: every gate refuses with exit 3 naming itself and its override, every
 * override goes through with a reason and shows, and the lifecycle (verified completion, rollback) reads back from
 * {@code status --json}.
 */
class LifecycleCommandsTest {

    @TempDir
    Path data;

    private Path incident;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void startIncident() throws IOException {
        Path plan = data.resolve("plan.yaml");
        Files.writeString(plan, new PlanLoader().bundledSeedText(), StandardCharsets.UTF_8);
        assertThat(run("new", plan.toString(), "--operator", "ana", "--data-dir", data.toString(), "--drill"))
                .isZero();
        List<String> lines = out.toString().lines().toList();
        incident = Path.of(lines.get(lines.size() - 1));
        assertThat(incident.resolve("incident.json")).exists();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(request -> 99, new PrintWriter(out), new PrintWriter(err), args);
    }

    private int act(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--operator";
        all[args.length + 1] = "bob";
        return run(all);
    }

    private JsonNode status() throws IOException {
        assertThat(run("status", incident.toString(), "--json")).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    private static JsonNode phase(JsonNode status, String id) {
        for (JsonNode phase : status.get("phases")) {
            if (phase.get("id").asText().equals(id)) {
                return phase;
            }
        }
        throw new AssertionError("no phase " + id);
    }

    @Test
    void aStartWithoutTheApprovalIsRefusedUntilItIsSignedOff() throws IOException {
        assertThat(act("phase", "start", incident.toString(), "p330-1")).isEqualTo(3);
        assertThat(err.toString()).contains("approval gate").contains("Approval to begin #330 Phase 1")
                .contains("--override-gate approval --reason TEXT").contains("Nothing was recorded");
        assertThat(phase(status(), "p330-1").get("status").asText()).isEqualTo("PENDING");

        assertThat(act("signoff", incident.toString(), "approve-p330-1", "--role", "Incident lead")).isZero();
        assertThat(act("phase", "start", incident.toString(), "p330-1")).isZero();

        JsonNode status = status();
        assertThat(status.get("incident").asText()).isEqualTo(incident.getFileName().toString());
        assertThat(status.get("drill").asBoolean()).isTrue();
        assertThat(phase(status, "p330-1").get("status").asText()).isEqualTo("IN PROGRESS");
        assertThat(status.get("approvals").get(0).get("signed").asBoolean()).isTrue();
        assertThat(status.get("approvals").get(0).get("by").asText()).isEqualTo("bob");
    }

    @Test
    void theApprovalGateCanBeOverriddenWithAReasonAndShowsAsOverridden() throws IOException {
        assertThat(act("phase", "start", incident.toString(), "p330-1", "--override-gate", "approval")).isEqualTo(2);
        assertThat(err.toString()).contains("--reason");
        assertThat(act("phase", "start", incident.toString(), "p330-1", "--override-gate", "approval",
                "--reason", "lead approved on the bridge call")).isZero();

        JsonNode phase = phase(status(), "p330-1");
        assertThat(phase.get("status").asText()).isEqualTo("IN PROGRESS");
        assertThat(phase.get("overridden")).extracting(JsonNode::asText).containsExactly("approval");
        assertThat(phase.get("overrides").get(0).get("reason").asText()).isEqualTo("lead approved on the bridge call");
        assertThat(phase.get("overrides").get(0).get("by").asText()).isEqualTo("bob");
    }

    @Test
    void dependenciesHoldAStartUntilOverridden() throws IOException {
        assertThat(act("phase", "start", incident.toString(), "p330-2")).isEqualTo(3);
        assertThat(err.toString()).contains("dependencies gate").contains("Emergency N+1 Fixes is PENDING")
                .contains("--override-gate dependencies");
        JsonNode gates = phase(status(), "p330-2").get("gates");
        assertThat(gates.get(0).get("kind").asText()).isEqualTo("dependencies");
        assertThat(gates.get(0).get("id").asText()).isEqualTo("p330-1");
        assertThat(gates.get(0).get("open").asBoolean()).isFalse();

        assertThat(act("phase", "start", incident.toString(), "p330-2", "--override-gate", "dependencies",
                "--reason", "packages are independent of the N+1 fixes")).isZero();
        assertThat(phase(status(), "p330-2").get("overridden")).extracting(JsonNode::asText)
                .containsExactly("dependencies");
    }

    @Test
    void aGuidedStepAndItsTaskAreOneTick() throws IOException {
        act("signoff", incident.toString(), "approve-p330-1", "--role", "lead");
        assertThat(act("step", incident.toString(), "p330-1", "1", "done")).isEqualTo(3);
        assertThat(err.toString()).contains("start it first");

        act("phase", "start", incident.toString(), "p330-1");
        assertThat(act("step", incident.toString(), "p330-1", "1", "done")).isZero();
        JsonNode phase = phase(status(), "p330-1");
        assertThat(phase.get("tasks").get(0).get("done").asBoolean()).isTrue();
        assertThat(phase.get("steps").get(0).get("done").asBoolean()).isTrue();
        assertThat(phase.get("tasks").get(1).get("done").asBoolean()).isFalse();
        assertThat(act("step", incident.toString(), "p330-1", "7", "done")).isEqualTo(2);
        assertThat(err.toString()).contains("has 6 guided steps");
    }

    @Test
    void aPlainTaskOfAPhaseNotStartedIsRefusedAsAStepIsAndTicksOnceItIsStarted() throws IOException {
        // Phase 3 of #330 has tasks and no guided steps: its task 1 is ticked by the same rule as a step.
        assertThat(act("step", incident.toString(), "p330-3", "1", "done")).isEqualTo(3);
        assertThat(err.toString()).contains("is PENDING; start it first (its gates are checked then)");
        assertThat(phase(status(), "p330-3").get("tasks").get(0).get("done").asBoolean()).isFalse();

        assertThat(act("phase", "start", incident.toString(), "p330-3", "--override-gate", "dependencies",
                "--reason", "drill: phase 2 is done elsewhere")).isZero();
        assertThat(act("step", incident.toString(), "p330-3", "1", "done")).isZero();
        assertThat(phase(status(), "p330-3").get("tasks").get(0).get("done").asBoolean()).isTrue();
        // Taking a tick back is never refused.
        assertThat(act("step", incident.toString(), "p330-3", "1", "undone")).isZero();
    }

    @Test
    void aFailedTestHoldsTheCompletionAndAnOverrideCompletesItUnverified() throws IOException {
        act("signoff", incident.toString(), "approve-p330-1", "--role", "lead");
        act("phase", "start", incident.toString(), "p330-1");
        assertThat(act("test", incident.toString(), "t330-p1.check-1", "fail", "--note", "still 503")).isZero();

        assertThat(act("phase", "complete", incident.toString(), "p330-1")).isEqualTo(3);
        assertThat(err.toString()).contains("verification gate").contains("test FAIL: Platform comes back online")
                .contains("--override-gate verification");
        assertThat(act("phase", "complete", incident.toString(), "p330-1", "--override-gate", "verification",
                "--reason", "platform is up; the check runs against a stale DNS name")).isZero();

        JsonNode phase = phase(status(), "p330-1");
        assertThat(phase.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(phase.get("verified").asBoolean()).isFalse();
        assertThat(phase.get("statusText").asText()).isEqualTo("COMPLETE (unverified)");
        assertThat(phase.get("tests").get(0).get("result").asText()).isEqualTo("FAIL");
        assertThat(run("status", incident.toString())).isZero();
        assertThat(out.toString()).contains("[p330-1]: COMPLETE (unverified)");
    }

    @Test
    void aCriterionOfAPhaseNotStartedIsRefusedAndNothingIsRecorded() throws IOException {
        assertThat(act("criterion", incident.toString(), "p330-1", "1", "met")).isEqualTo(3);
        assertThat(err.toString()).contains("PENDING; start it first");
        assertThat(phase(status(), "p330-1").get("criteria").get(0).get("met").asBoolean()).isFalse();
        assertThat(act("criterion", incident.toString(), "p330-1", "1", "unmet")).as("clearing is never refused")
                .isZero();

        act("signoff", incident.toString(), "approve-p330-1", "--role", "lead");
        act("phase", "start", incident.toString(), "p330-1");
        assertThat(act("criterion", incident.toString(), "p330-1", "1", "met")).isZero();
        assertThat(phase(status(), "p330-1").get("criteria").get(0).get("met").asBoolean()).isTrue();
    }

    @Test
    void aVerifiedCompletionNeedsEveryTestAndCriterion() throws IOException {
        act("signoff", incident.toString(), "approve-p330-1", "--role", "lead");
        act("phase", "start", incident.toString(), "p330-1");
        for (int i = 1; i <= 6; i++) {
            String result = i == 6 ? "skip" : "pass";
            assertThat(act("test", incident.toString(), "t330-p1.check-" + i, result)).isZero();
        }
        for (int i = 1; i <= 3; i++) {
            act("criterion", incident.toString(), "p330-1", String.valueOf(i), "met", "--observed",
                    i == 2 ? "convex_calls = 2.7M" : "");
        }
        assertThat(act("phase", "complete", incident.toString(), "p330-1")).isEqualTo(3);
        assertThat(err.toString()).contains("test SKIPPED: Convex function call metrics drop significantly "
                + "(needs a note saying why)");

        act("test", incident.toString(), "t330-p1.check-6", "skip", "--note", "metrics lag by a day");
        assertThat(act("phase", "complete", incident.toString(), "p330-1")).isZero();
        JsonNode phase = phase(status(), "p330-1");
        assertThat(phase.get("verified").asBoolean()).isTrue();
        assertThat(phase.get("criteria").get(1).get("met").asBoolean()).isTrue();
        assertThat(phase.get("criteria").get(1).get("observed").asText()).isEqualTo("convex_calls = 2.7M");
    }

    @Test
    void aRollbackReopensTheTestsAndSendsDependentsBackToWaiting() throws IOException {
        act("signoff", incident.toString(), "approve-p330-1", "--role", "lead");
        act("phase", "start", incident.toString(), "p330-1");
        act("test", incident.toString(), "t330-p1.check-1", "pass");
        act("phase", "start", incident.toString(), "p330-2", "--override-gate", "dependencies", "--reason", "parallel");

        assertThat(act("phase", "rolled-back", incident.toString(), "p330-1")).isEqualTo(3);
        assertThat(err.toString()).contains("start its rollback first");
        assertThat(act("phase", "rollback", incident.toString(), "p330-1", "--reason", "503s after deploy")).isZero();
        JsonNode status = status();
        assertThat(phase(status, "p330-1").get("status").asText()).isEqualTo("ROLLING BACK");
        assertThat(phase(status, "p330-2").get("status").asText()).isEqualTo("PENDING");

        assertThat(act("phase", "rolled-back", incident.toString(), "p330-1")).isZero();
        status = status();
        assertThat(phase(status, "p330-1").get("status").asText()).isEqualTo("ROLLED BACK");
        assertThat(phase(status, "p330-1").get("tests").get(0).get("result").isNull()).isTrue();

        // re-test: the phase starts again and its tests are run again; the first pass stays in the history
        assertThat(act("phase", "start", incident.toString(), "p330-1")).isZero();
        act("test", incident.toString(), "t330-p1.check-1", "pass", "--note", "re-test");
        assertThat(phase(status(), "p330-1").get("tests").get(0).get("result").asText()).isEqualTo("PASS");
        assertThat(run("timeline", incident.toString())).isZero();
        assertThat(out.toString().lines().filter(l -> l.contains("Platform comes back online")).count())
                .isEqualTo(2);
    }

    @Test
    void aFailedAuditHoldsTheStepsAfterItUntilOverridden() throws IOException {
        act("phase", "start", incident.toString(), "p324-3", "--override-gate", "dependencies", "--reason", "drill");
        assertThat(act("step", incident.toString(), "p324-3", "2", "done")).isZero();
        assertThat(act("step", incident.toString(), "p324-3", "3", "done")).isEqualTo(3);
        assertThat(err.toString()).contains("audit gate").contains("has not been run")
                .contains("--override-gate audit");
        assertThat(act("step", incident.toString(), "p324-3", "3", "done", "--override-gate", "audit",
                "--reason", "audit run by hand: safeToRemoveUserIdFallback true")).isZero();
        JsonNode phase = phase(status(), "p324-3");
        assertThat(phase.get("tasks").get(2).get("done").asBoolean()).isTrue();
        assertThat(phase.get("gates")).anySatisfy(g -> {
            assertThat(g.get("kind").asText()).isEqualTo("audit");
            assertThat(g.get("overridden").asBoolean()).isTrue();
        });
    }

    @Test
    void aDecisionOutcomeThatBlocksThePhaseHoldsItsStart() throws IOException {
        assertThat(act("phase", "start", incident.toString(), "p324-4", "--override-gate", "dependencies",
                "--reason", "drill")).isEqualTo(3);
        assertThat(err.toString()).contains("decision gate: \"Schema cleanup decision\" is not decided yet");

        assertThat(act("answer", incident.toString(), "schema-cleanup", "1", "2")).isZero();
        assertThat(out.toString()).contains("SKIP schema cleanup");
        assertThat(act("phase", "start", incident.toString(), "p324-4", "--override-gate", "dependencies",
                "--reason", "drill")).isEqualTo(3);
        assertThat(err.toString()).contains("this outcome blocks the phase");

        assertThat(act("answer", incident.toString(), "schema-cleanup", "1", "1")).isZero();
        assertThat(act("phase", "start", incident.toString(), "p324-4", "--override-gate", "dependencies",
                "--reason", "drill")).isZero();
        assertThat(act("answer", incident.toString(), "schema-cleanup", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("do not reach an outcome").contains("1: Yes: the CLI won't regenerate");
    }

    @Test
    void blockAndEvalNeedAReason() throws IOException {
        assertThat(act("phase", "block", incident.toString(), "p330-3")).isEqualTo(2);
        assertThat(act("phase", "block", incident.toString(), "p330-3", "--reason", "waiting for DBA")).isZero();
        assertThat(phase(status(), "p330-3").get("status").asText()).isEqualTo("BLOCKED");
        assertThat(phase(status(), "p330-3").get("reason").asText()).isEqualTo("waiting for DBA");
        assertThat(act("phase", "eval", incident.toString(), "p330-3", "--reason", "risk review")).isZero();
        assertThat(phase(status(), "p330-3").get("status").asText()).isEqualTo("EVAL");
        assertThat(act("phase", "finish", incident.toString(), "p330-3")).isEqualTo(2);
    }

    @Test
    void aConsoleHoldingTheIncidentRefusesWithExit4AndNothingIsRecorded() throws IOException {
        long before = status().get("events").asLong();
        try (Incident console = IncidentStore.openFolder(incident, "carol", Clock.systemUTC())) {
            assertThat(console.isReadOnly()).isFalse();
            assertThat(act("note", incident.toString(), "from the pipeline")).isEqualTo(4);
            assertThat(err.toString()).contains("held by a console").contains("operator carol");
        }
        assertThat(status().get("events").asLong()).isEqualTo(before);
        assertThat(act("note", incident.toString(), "from the pipeline")).isZero();
        assertThat(status().get("events").asLong()).isEqualTo(before + 1);
    }

    @Test
    void aFolderThatIsNoIncidentExits1AndAnUnknownItemExits2() throws IOException {
        assertThat(act("note", data.toString(), "x")).isEqualTo(1);
        assertThat(err.toString()).contains("not an incident folder");
        assertThat(act("test", incident.toString(), "no-such-check", "pass")).isEqualTo(2);
        assertThat(act("test", incident.toString(), "t330-p1.check-1", "maybe")).isEqualTo(2);
        assertThat(act("signoff", incident.toString(), "nope", "--role", "x")).isEqualTo(2);
        assertThat(act("phase", "start", incident.toString(), "p999")).isEqualTo(2);
    }

    @Test
    void aCiRunIsRecordedOnTheItemsWhoseNamesMatch() throws IOException {
        Path report = data.resolve("ci.xml");
        Files.writeString(report, """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites>
                  <testsuite name="auth">
                    <testcase classname="auth" name="Login/logout works"/>
                    <testcase classname="auth" name="t330-p2.check-2"><failure message="redirect loop"/></testcase>
                    <testcase classname="auth" name="microsoft azure oauth WORKS"><skipped/></testcase>
                    <testcase classname="auth" name="Password reset works"/>
                  </testsuite>
                </testsuites>
                """);
        assertThat(act("tests", incident.toString(), "--import-junit", report.toString())).isZero();
        assertThat(out.toString()).contains("3 recorded, 1 not matched").contains("not matched: auth.Password reset works");
        JsonNode tests = phase(status(), "p330-2").get("tests");
        assertThat(tests.get(0).get("result").asText()).isEqualTo("PASS");
        assertThat(tests.get(1).get("result").asText()).isEqualTo("FAIL");
        assertThat(tests.get(1).get("note").asText()).contains("redirect loop");
        assertThat(tests.get(2).get("result").asText()).isEqualTo("SKIP");

        Files.writeString(report, "<html>not junit</html>");
        assertThat(act("tests", incident.toString(), "--import-junit", report.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not JUnit XML");
    }
}
