package io.incidentconsole.app;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The console's UI executor at start-up: work finished in the background (the plan, and what follows from it: the
 * plan document, the metric sources, the incident dialog) is held until the window's first frame has been drawn,
 * then handed to {@code ui} in the order it arrived. Without it a plan parsed quickly would be laid out before the
 * first frame and the window would appear later, all at once.
 */
final class FirstFrameGate implements Executor {

    private final Executor ui;
    private List<Runnable> held = new ArrayList<>();

    FirstFrameGate(Executor ui) {
        this.ui = ui;
    }

    @Override
    public void execute(Runnable action) {
        synchronized (this) {
            if (held != null) {
                held.add(action);
                return;
            }
        }
        ui.execute(action);
    }

    /** From now on every action goes straight to {@code ui}; the held ones go first, in order. */
    void open() {
        List<Runnable> waiting;
        synchronized (this) {
            waiting = held;
            held = null;
        }
        if (waiting != null) {
            waiting.forEach(ui::execute);
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
