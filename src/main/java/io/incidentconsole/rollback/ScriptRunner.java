package io.incidentconsole.rollback;

import java.util.HashMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a generated script with bash, streaming its combined stdout and stderr line by line to a callback
 * (called on the runner's own thread: a view must hand lines to its UI thread itself). Standard input is
 * empty and the environment asks tools not to wait for an editor or a password prompt, since there is no
 * terminal to answer them.
 */
public final class ScriptRunner {

    /** Makes {@code git revert} take its default message and git fail instead of prompting. */
    public static final Map<String, String> NON_INTERACTIVE = Map.of(
            "GIT_EDITOR", ":",
            "GIT_TERMINAL_PROMPT", "0");

    private static final int MAX_LINE = 8192;
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(2);

    private final Path bash;
    private final int tailLines;
    private final Duration gracePeriod;
    private final Map<String, String> environment;
    private final Clock clock;
    /** Runs go through a drill's stubs (their PATH and BASH_ENV are in the environment). */
    private final boolean stubbed;

    /**
     * @param bash        the bash executable, e.g. {@code /bin/bash}
     * @param tailLines   how many of the last output lines the result keeps
     * @param gracePeriod how long a cancelled tree gets between TERM and KILL
     * @param environment variables set for the script on top of the console's own
     */
    public ScriptRunner(Path bash, int tailLines, Duration gracePeriod, Map<String, String> environment, Clock clock) {
        this(bash, tailLines, gracePeriod, environment, clock, false);
    }

    private ScriptRunner(Path bash, int tailLines, Duration gracePeriod, Map<String, String> environment, Clock clock,
                         boolean stubbed) {
        if (tailLines < 1) {
            throw new IllegalArgumentException("tailLines must be at least 1");
        }
        this.bash = bash;
        this.tailLines = tailLines;
        this.gracePeriod = gracePeriod;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.stubbed = stubbed;
    }

    /** This runner with more variables set for the script (they win over the ones it had): a drill's stubs. */
    public ScriptRunner withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new ScriptRunner(bash, tailLines, gracePeriod, merged, clock, stubbed);
    }

    /** This runner going through a drill's stubs ({@code environment}: their PATH and BASH_ENV); results say so. */
    public ScriptRunner throughStubs(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(this.environment);
        merged.putAll(environment);
        return new ScriptRunner(bash, tailLines, gracePeriod, merged, clock, true);
    }

    public boolean stubbed() {
        return stubbed;
    }

    /** /bin/bash, the last 200 lines, 3 s grace, non-interactive environment, the UTC clock. */
    public static ScriptRunner withDefaults() {
        return new ScriptRunner(Path.of("/bin/bash"), 200, Duration.ofSeconds(3), NON_INTERACTIVE, Clock.systemUTC());
    }

    /**
     * Starts the script in {@code workingDirectory} (the repository the commands act on).
     *
     * @throws IOException when the script cannot be written or bash cannot be started
     */
    public RunningScript start(GeneratedScript script, Path workingDirectory, Consumer<String> onLine)
            throws IOException {
        Path directory = Files.createTempDirectory("incident-console-run-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = directory.resolve("rollback.sh");
        Files.writeString(file, script.text(), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(bash.toString(), file.toString())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        Instant startedAt = clock.instant();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(file, directory);
            throw e;
        }
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        RunningScript running = new RunningScript(process, gracePeriod, clock, result);
        Tail tail = new Tail(tailLines);
        CompletableFuture<Void> drained = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            boolean[] listenerFailed = {false};
            try {
                pump(process.getInputStream(), line -> {
                    tail.add(line);
                    try {
                        onLine.accept(line);
                    } catch (RuntimeException e) {
                        // A failing view must not stop the output from being read (bash would block on a full pipe).
                        if (!listenerFailed[0]) {
                            listenerFailed[0] = true;
                            tail.add("[console: the output pane failed (" + e + "); the run goes on]");
                        }
                    }
                });
            } catch (IOException e) {
                tail.add("[console: output could not be read: " + e.getMessage() + "]");
            } finally {
                drained.complete(null);
            }
        }, "rollback-script-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRunAsync(() -> {
            try {
                // A background process may keep the pipe open after bash exits: do not wait for it forever.
                drained.get(DRAIN_AFTER_EXIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException | ExecutionException e) {
                tail.add("[console: output still open after bash exited; later lines are not in this tail]");
            }
            deleteQuietly(file, directory);
            result.complete(new RunResult(script.sha256(), script.mode(), process.exitValue(),
                    running.cancelRequested(), tail.lines(), startedAt, clock.instant(), stubbed));
        });
        return running;
    }

    /** Splits the stream into lines at \n, \r\n or \r (progress bars), and at MAX_LINE characters. */
    private static void pump(InputStream stream, Consumer<String> onLine) throws IOException {
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            char[] buffer = new char[4096];
            boolean lastWasCarriageReturn = false;
            int n;
            while ((n = reader.read(buffer)) != -1) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n' && lastWasCarriageReturn) {
                        lastWasCarriageReturn = false;
                        continue;
                    }
                    lastWasCarriageReturn = c == '\r';
                    if (c == '\n' || c == '\r') {
                        onLine.accept(line.toString());
                        line.setLength(0);
                    } else {
                        line.append(c);
                        if (line.length() >= MAX_LINE) {
                            onLine.accept(line.toString());
                            line.setLength(0);
                        }
                    }
                }
            }
            if (line.length() > 0) {
                onLine.accept(line.toString());
            }
        }
    }

    private static void deleteQuietly(Path file, Path directory) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A left-over temporary copy of a script already saved and journalled does no harm.
        }
    }

    /** The last N lines, shared between the reader thread and the completion. */
    private static final class Tail {
        private final int capacity;
        private final Deque<String> lines = new ArrayDeque<>();

        Tail(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(String line) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        synchronized List<String> lines() {
            return new ArrayList<>(lines);
        }
    }
}
