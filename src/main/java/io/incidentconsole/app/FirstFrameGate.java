package io.incidentconsole.app;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The console's background executor at start-up: work submitted before the window's first frame has been drawn
 * (reading the plan, making the incident store) is held until then, and handed on in the order it arrived. On two
 * cores a plan read in parallel would compete with the first frame for CPU, and a plan read quickly would be laid
 * out before it, so the window would appear later, all at once. Submitting still happens at once, so the view
 * model shows "loading" in that first frame.
 */
final class FirstFrameGate implements Executor {

    private final Executor next;
    private List<Runnable> held = new ArrayList<>();

    FirstFrameGate(Executor next) {
        this.next = next;
    }

    @Override
    public void execute(Runnable action) {
        synchronized (this) {
            if (held != null) {
                held.add(action);
                return;
            }
        }
        next.execute(action);
    }

    /** From now on every action goes straight to {@code next}; the held ones go first, in order. */
    void open() {
        List<Runnable> waiting;
        synchronized (this) {
            waiting = held;
            held = null;
        }
        if (waiting != null) {
            waiting.forEach(next::execute);
        }
    }

    boolean isOpen() {
        synchronized (this) {
            return held == null;
        }
    }

    /** Call on the FX thread right after the stage is shown: opens at the first-frame mark of {@link StartupProbe}. */
    void openAfterFirstFrame() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < StartupProbe.FIRST_FRAME_PULSE) {
                    return;
                }
                stop();
                open();
            }
        }.start();
    }
}
