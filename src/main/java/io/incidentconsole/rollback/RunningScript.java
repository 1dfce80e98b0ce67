package io.incidentconsole.rollback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A script started by {@link ScriptRunner}. {@link #result()} completes when bash has exited and its output
 * is drained; {@link #cancel()} ends the whole process tree.
 */
public final class RunningScript {

    private static final Duration SWEEP_PAUSE = Duration.ofMillis(50);

    private final Process process;
    private final Duration gracePeriod;
    private final Clock clock;
    private final CompletableFuture<RunResult> result;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    RunningScript(Process process, Duration gracePeriod, Clock clock, CompletableFuture<RunResult> result) {
        this.process = process;
        this.gracePeriod = gracePeriod;
        this.clock = clock;
        this.result = result;
    }

    public long pid() {
        return process.pid();
    }

    public CompletableFuture<RunResult> result() {
        return result;
    }

    public boolean cancelRequested() {
        return cancelled.get();
    }

    /**
     * Ends bash and every process it started, children of children included: TERM to the whole tree,
     * then KILL to whatever is still alive after the grace period. Returns at once; {@link #result()}
     * completes (with {@code cancelled}) when the tree is gone. Calling it again does nothing.
     */
    public void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        Thread killer = new Thread(this::endTree, "rollback-script-cancel-" + process.pid());
        killer.setDaemon(true);
        killer.start();
    }

    /**
     * TERM sweeps until the tree is gone or the grace period ends, re-reading the tree each time so children
     * forked meanwhile are caught; handles are remembered, so a child orphaned by its parent's death is
     * still ended. Then KILL for the rest.
     */
    private void endTree() {
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        Instant deadline = clock.instant().plus(gracePeriod);
        do {
            for (ProcessHandle handle : tree()) {
                seen.add(handle);
                handle.destroy();
            }
            pause();
        } while (anyAlive(seen) && clock.instant().isBefore(deadline));
        for (int round = 0; round < 3 && (anyAlive(seen) || process.isAlive()); round++) {
            seen.addAll(tree());
            seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            pause();
        }
    }

    /** bash first (so it starts nothing new), then its descendants, parents before children. */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle root = process.toHandle();
        all.add(root);
        try (Stream<ProcessHandle> descendants = root.descendants()) {
            descendants.forEach(all::add);
        }
        return all;
    }

    private static boolean anyAlive(Set<ProcessHandle> handles) {
        return handles.stream().anyMatch(ProcessHandle::isAlive);
    }

    private static void pause() {
        try {
            Thread.sleep(SWEEP_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
