package io.incidentconsole.guided;

import io.incidentconsole.incident.PhaseState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Where a guided wait stands now. Computed from the journal's record of the wait (when it started, for how
 * long, whether it was cut short) and a clock, so a restarted console shows the same countdown. In a drill the
 * drill clock's fast-forwards made since a wait started count as time passed (see drill.DrillState).
 */
public final class WaitClock {

    private final Clock clock;
    private final Function<Instant, Duration> fastForwardedSince;

    /** A real incident's waits: wall-clock time only. */
    public WaitClock(Clock clock) {
        this(clock, since -> Duration.ZERO);
    }

    /** {@code fastForwardedSince}: how far a drill's clock was moved forward since an instant. */
    public WaitClock(Clock clock, Function<Instant, Duration> fastForwardedSince) {
        this.clock = clock;
        this.fastForwardedSince = fastForwardedSince;
    }

    public enum State { NOT_STARTED, WAITING, ELAPSED, CUT_SHORT }

    /**
     * {@code remaining} is zero unless waiting; {@code endsAt} is null when not started; {@code fastForwardedBy}
     * is how much of the wait a drill skipped (zero outside drills), shown as "fast-forwarded in drill".
     */
    public record Status(State state, Duration remaining, Instant endsAt, String cutShortReason,
                         Duration fastForwardedBy) {
        public Status(State state, Duration remaining, Instant endsAt, String cutShortReason) {
            this(state, remaining, endsAt, cutShortReason, Duration.ZERO);
        }

        public boolean fastForwarded() {
            return !fastForwardedBy.isZero();
        }

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
        Duration skipped = fastForwardedSince.apply(wait.startedAt());
        Instant ends = wait.startedAt().plus(wait.duration()).minus(skipped);
        Duration remaining = Duration.between(clock.instant(), ends);
        if (remaining.isNegative() || remaining.isZero()) {
            return new Status(State.ELAPSED, Duration.ZERO, ends, null, skipped);
        }
        return new Status(State.WAITING, remaining, ends, null, skipped);
    }

    /** "23:59:58": whole seconds left, rounded down; hours go past 24 ("47:59:59"). */
    public static String format(Duration remaining) {
        long seconds = Math.max(0, remaining.getSeconds());
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
