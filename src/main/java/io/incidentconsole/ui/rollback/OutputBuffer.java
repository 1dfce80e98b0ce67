package io.incidentconsole.ui.rollback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lines a running script printed that the console pane has not shown yet. The runner's thread appends; the
 * FX thread drains once per frame, so a script printing thousands of lines a second costs one update per frame.
 * While nobody drains (the operator is in another area) it keeps only the newest {@code capacity} lines and
 * says how many it dropped; the journal's tail and a saved script's own run keep the rest.
 */
final class OutputBuffer {

    private final int capacity;
    private final Deque<String> pending = new ArrayDeque<>();
    private long dropped;

    OutputBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    synchronized void append(String line) {
        if (pending.size() == capacity) {
            pending.removeFirst();
            dropped++;
        }
        pending.addLast(line);
    }

    /** Everything appended since the last drain, in order, after a note of any lines dropped; empty when nothing new. */
    synchronized List<String> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(pending.size() + 1);
        if (dropped > 0) {
            lines.add("[console: " + dropped + " earlier lines were not shown]");
            dropped = 0;
        }
        lines.addAll(pending);
        pending.clear();
        return lines;
    }

    synchronized void clear() {
        pending.clear();
        dropped = 0;
    }
}
