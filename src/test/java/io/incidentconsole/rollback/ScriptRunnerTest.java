package io.incidentconsole.rollback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptRunnerTest {

    private final ScriptRunner runner = new ScriptRunner(Path.of("/bin/bash"), 3, Duration.ofSeconds(2),
            ScriptRunner.NON_INTERACTIVE, Clock.systemUTC());

    private static GeneratedScript script(String... commands) throws ScriptRefusedException {
        return new ScriptGenerator().generate(Fixtures.CONTEXT, Fixtures.textForm(List.of(), List.of(commands)),
                ScriptMode.EXECUTE);
    }

    @Test
    void streamsStdoutAndStderrInOrderAndRecordsTheExitCodeAndTail(@TempDir Path dir) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        GeneratedScript script = script("echo one", "echo two >&2", "printf 'three\\r\\nfour\\rfive\\n'",
                "echo \"$GIT_EDITOR\"", "pwd", "exit 3");

        RunningScript running = runner.start(script, dir, lines::add);
        RunResult result = running.result().get(30, TimeUnit.SECONDS);

        assertThat(lines).containsExactly("one", "two", "three", "four", "five", ":", dir.toRealPath().toString());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.cancelled()).isFalse();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.outputTail()).as("the last 3 lines").containsExactly("five", ":",
                dir.toRealPath().toString());
        assertThat(result.scriptSha256()).isEqualTo(script.sha256());
        assertThat(result.endedAt()).isAfterOrEqualTo(result.startedAt());
    }

    @Test
    void aHarmlessScriptSucceeds(@TempDir Path dir) throws Exception {
        RunResult result = runner.start(script("echo ok"), dir, line -> { }).result().get(30, TimeUnit.SECONDS);

        assertThat(result.exitCode()).isZero();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.outputTail()).containsExactly("ok");
    }

    @Test
    void aFailingListenerDoesNotStopTheRun(@TempDir Path dir) throws Exception {
        RunResult result = runner.start(script("echo a", "echo b"), dir, line -> {
            throw new IllegalStateException("view gone");
        }).result().get(30, TimeUnit.SECONDS);

        assertThat(result.exitCode()).isZero();
        assertThat(result.outputTail()).containsExactly("a",
                "[console: the output pane failed (java.lang.IllegalStateException: view gone); the run goes on]", "b");
    }

    @Test
    void cancelEndsTheWholeProcessTreeIncludingGrandchildren(@TempDir Path dir) throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        GeneratedScript script = script(
                "echo \"bash $$\"",
                "bash -c 'bash -c \"sleep 30 & echo sleeper \\$!; wait\" & echo child $!; wait'");

        RunningScript running = runner.start(script, dir, lines::add);
        waitUntil(Duration.ofSeconds(20), () -> pids(lines).size() == 3);
        List<Long> pids = pids(lines);
        assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid %d before cancel", pid).isTrue());

        running.cancel();
        RunResult result = running.result().get(20, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.exitCode()).isNotZero();
        waitUntil(Duration.ofSeconds(10), () -> pids.stream().noneMatch(ScriptRunnerTest::alive));
        assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid %d after cancel", pid).isFalse());
        assertThat(result.endedAt().toEpochMilli() - result.startedAt().toEpochMilli())
                .as("ended long before sleep 30 would have").isLessThan(20_000);
    }

    @Test
    void aDryRunScriptOnlyPrintsItsCommands(@TempDir Path dir) throws Exception {
        GeneratedScript script = new ScriptGenerator().generate(Fixtures.CONTEXT,
                Fixtures.form("rb330-phase1").with("commit", "abc1234"), ScriptMode.DRY_RUN);
        List<String> lines = new CopyOnWriteArrayList<>();

        RunResult result = runner.start(script, dir, lines::add).result().get(30, TimeUnit.SECONDS);

        assertThat(lines).containsExactly("+ git revert 'abc1234'", "+ npx convex deploy");
        assertThat(result.exitCode()).isZero();
        assertThat(result.mode()).isEqualTo(ScriptMode.DRY_RUN);
    }

    private static final Pattern PID = Pattern.compile("^(?:bash|child|sleeper) (\\d+)$");

    private static List<Long> pids(List<String> lines) {
        List<Long> pids = new ArrayList<>();
        synchronized (lines) {
            for (String line : lines) {
                Matcher m = PID.matcher(line);
                if (m.matches()) {
                    pids.add(Long.parseLong(m.group(1)));
                }
            }
        }
        return pids;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Polls a condition; the assertion after it reports what did not happen. */
    private static void waitUntil(Duration limit, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
