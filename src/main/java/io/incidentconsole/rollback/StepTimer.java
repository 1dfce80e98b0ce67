package io.incidentconsole.rollback;

import java.time.Duration;

/** Runs an action once a duration has passed, unless called off first: a step's timeout. */
@FunctionalInterface
public interface StepTimer {

    /** @return calls the action off (nothing happens if it already ran) */
    Runnable after(Duration delay, Runnable action);
}
