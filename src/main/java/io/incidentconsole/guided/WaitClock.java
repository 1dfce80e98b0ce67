package io.incidentconsole.guided;

import io.incidentconsole.incident.PhaseState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a guided wait stands now. Computed from the journal's record of the wait (when it started, for how
 * long, whether it was cut short) and a clock, so a restarted console shows the same countdown.
 */
public final class WaitClock {

    private final Clock clock;

    public WaitClock(Clock clock) {
        this.clock = clock;
    }

    public enum State { NOT_STARTED, WAITING, ELAPSED, CUT_SHORT }

    /** {@code remaining} is zero unless waiting; {@code endsAt} is null when not started. */
    public record Status(State state, Duration remaining, Instant endsAt, String cutShortReason) {
        /** The wait no longer holds the operator back. */
        public boolean over() {
            return state == State.ELAPSED || state == State.CUT_SHORT;
        }
    }

    /** {@code wait} null: the wait has not started. */
    public Status status(PhaseState.Wait wait) {
        if (wait == null) {
            return new Status(State.NOT_STARTED, Duration.ZERO, null, null);
        }
        if (wait.cutShortAt() != null) {
            return new Status(State.CUT_SHORT, Duration.ZERO, wait.cutShortAt(), wait.cutShortReason());
        }
        Instant ends = wait.startedAt().plus(wait.duration());
        Duration remaining = Duration.between(clock.instant(), ends);
        if (remaining.isNegative() || remaining.isZero()) {
            return new Status(State.ELAPSED, Duration.ZERO, ends, null);
        }
        return new Status(State.WAITING, remaining, ends, null);
    }

    /** "23:59:58": whole seconds left, rounded down; hours go past 24 ("47:59:59"). */
    public static String format(Duration remaining) {
        long seconds = Math.max(0, remaining.getSeconds());
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
