package io.incidentconsole.drill;

import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.rollback.GeneratedScript;
import io.incidentconsole.rollback.RunResult;
import io.incidentconsole.rollback.ScriptContext;
import io.incidentconsole.rollback.ScriptMode;
import io.incidentconsole.rollback.ScriptRunner;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drill runs real bash through the stubs: nothing the plan names runs, every call is printed and recorded with its
 * exact argv, a program named by its path is caught too, and a scripted failure plays once.
 */
class DrillStubsTest {

    @TempDir
    Path work;

    private RunResult run(DrillStubs stubs, String script, List<String> lines) throws Exception {
        ScriptRunner runner = ScriptRunner.withDefaults().withEnvironment(stubs.environment(System.getenv("PATH")));
        String text = "#!/usr/bin/env bash\nset -euo pipefail\n" + script + "\n";
        GeneratedScript generated = new GeneratedScript(text, "00", Map.of(), "rb", "proc", ScriptMode.EXECUTE,
                new ScriptContext(null, null, null, null, Instant.EPOCH));
        // jqwik properties get no @TempDir: the stubs run nothing, any folder will do.
        Path directory = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"));
        return runner.start(generated, directory, line -> {
            synchronized (lines) {
                lines.add(line);
            }
        }).result().get(30, TimeUnit.SECONDS);
    }

    @Test
    void theBundledPlansProgramsAreEveryFirstWordButBuiltins() {
        assertThat(DrillStubs.programsOf(new PlanLoader().loadBundledSeed().plan()))
                .containsExactly("npx", "cp", "npm", "git");
        assertThat(DrillStubs.programsOf("sudo /usr/bin/kubectl rollout undo 'x' && cd /tmp; FOO=1 env -i helm list | tee out"))
                .containsExactly("sudo", "/usr/bin/kubectl", "env", "helm", "tee");
    }

    @Test
    void nothingRunsEveryCallIsPrintedAndRecordedAndAPathCannotEscape() throws Exception {
        Path victim = Files.writeString(work.resolve("victim.txt"), "keep me");
        try (DrillStubs stubs = DrillStubs.create(List.of("rm", "/usr/bin/git", "git", "kubectl"), List.of())) {
            List<String> lines = new ArrayList<>();
            RunResult result = run(stubs, "rm -f victim.txt\n/usr/bin/git revert 'abc d'\\''e'\n"
                    + "git checkout HEAD~1 package.json\nbash -c '/usr/bin/git push'\nkubectl get \"pods\" ''", lines);

            assertThat(result.exitCode()).isZero();
            assertThat(victim).hasContent("keep me");
            assertThat(lines).containsExactly(
                    "[drill] would run: rm -f victim.txt",
                    "[drill] would run: /usr/bin/git revert 'abc d'\\''e'",
                    "[drill] would run: git checkout 'HEAD~1' package.json",
                    "[drill] would run: /usr/bin/git push",
                    "[drill] would run: kubectl get pods ''");
            assertThat(stubs.calls()).containsExactly("rm -f victim.txt", "/usr/bin/git revert 'abc d'\\''e'",
                    "git checkout 'HEAD~1' package.json", "/usr/bin/git push", "kubectl get pods ''");
        }
    }

    @Test
    void aScriptedFailureExitsWithItsCodeAndOutputTheScriptedNumberOfTimes() throws Exception {
        String command = "npm install";
        try (DrillStubs stubs = DrillStubs.create(List.of("npm"),
                List.of(new DrillStubs.Failure(DrillStubs.firstArgv(command), 3, "npm ERR! network", 1)))) {
            List<String> lines = new ArrayList<>();
            RunResult failed = run(stubs, "npm ci\n" + command + "\necho not reached", lines);
            assertThat(failed.exitCode()).isEqualTo(3);
            assertThat(lines).containsExactly("[drill] would run: npm ci", "[drill] would run: npm install",
                    "npm ERR! network");

            lines.clear();
            assertThat(run(stubs, command, lines).exitCode()).isZero();
            assertThat(lines).containsExactly("[drill] would run: npm install");
        }
    }

    @Test
    void theStubsFolderIsGoneWhenClosed() throws Exception {
        DrillStubs stubs = DrillStubs.create(List.of("git"), List.of());
        Path folder = stubs.directory();
        stubs.close();
        assertThat(folder).doesNotExist();
    }

    @Property(tries = 25)
    void theStubPrintsExactlyTheArgvItWasGiven(@ForAll @StringLength(max = 12) List<@StringLength(max = 8) String> args)
            throws Exception {
        List<String> safe = args.stream().map(a -> a.replaceAll("[^\\x20-\\x7e]", "x")).toList();
        try (DrillStubs stubs = DrillStubs.create(List.of("tool"), List.of())) {
            StringBuilder script = new StringBuilder("tool");
            for (String arg : safe) {
                script.append(' ').append(ShellWords.quote(arg));
            }
            List<String> lines = new ArrayList<>();
            run(stubs, script.toString(), lines);
            List<String> argv = new ArrayList<>(List.of("tool"));
            argv.addAll(safe);
            assertThat(lines).containsExactly(DrillStubs.WOULD_RUN + ShellWords.argv(argv));
            assertThat(ShellWords.commands(ShellWords.argv(argv))).containsExactly(argv);
        }
    }
}
