package io.incidentconsole.app;

import javafx.animation.AnimationTimer;

/**
 * Runs an action once what the scene shows now has been drawn. Pulse one lays the scene out and hands its frame to
 * the render thread; the next pulse starts once the render thread has had its frame interval to draw it, so the
 * start of pulse two is where "drawn" is taken to be. Call on the FX thread.
 */
final class FirstFrame {

    /** The pulse, counted from the call, whose start is taken as "drawn" (see the class comment). */
    static final int DRAWN_AT_PULSE = 2;

    private FirstFrame() {
    }

    static void then(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < DRAWN_AT_PULSE) {
                    return;
                }
                stop();
                action.run();
            }
        }.start();
    }
}
