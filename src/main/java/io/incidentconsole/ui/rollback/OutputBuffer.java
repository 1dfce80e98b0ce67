package io.incidentconsole.ui.rollback;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines a running script printed that the console pane has not shown yet. The runner's thread appends; the
 * FX thread drains once per frame, so a script printing thousands of lines a second costs one update per frame.
 */
final class OutputBuffer {

    private final List<String> pending = new ArrayList<>();

    synchronized void append(String line) {
        pending.add(line);
    }

    /** Everything appended since the last drain, in order; empty when nothing new. */
    synchronized List<String> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<String> lines = List.copyOf(pending);
        pending.clear();
        return lines;
    }

    synchronized void clear() {
        pending.clear();
    }
}
