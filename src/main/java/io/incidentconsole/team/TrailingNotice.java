package io.incidentconsole.team;

/**
 * The last event this console appended that the database did not notify (schema V3 notifies at most one append per
 * 20 ms per incident), and when the worker should notify it if it is still the incident's last
 * ({@link EventStore#notifyIfLast}): a little after that window, so that a burst of appends costs one notification at
 * its start and one at its end, and every console still hears of the burst's last event within a fraction of a second.
 * Thread-safe: the appender sets it, the worker takes it.
 */
final class TrailingNotice {

    /** A little more than the schema's 20 ms window: an append within it would have been covered anyway. */
    static final long DELAY_NANOS = 25_000_000L;

    /** 0 when nothing waits. */
    private long seq;
    private long dueAt;

    /** This console's append stored {@code stored} (the batch's last seq); {@code notified} as the database said. */
    synchronized void appended(long stored, boolean notified, long nowNanos) {
        if (stored < seq) {
            return; // an older event sent again: the waiting one is newer
        }
        seq = notified ? 0 : stored;
        dueAt = nowNanos + DELAY_NANOS;
    }

    /** How long until a notice is due, in milliseconds (0 when due now); Long.MAX_VALUE when none waits. */
    synchronized long millisUntilDue(long nowNanos) {
        return seq == 0 ? Long.MAX_VALUE : Math.max(0, (dueAt - nowNanos + 999_999) / 1_000_000);
    }

    /** The seq to notify now, and none waits any more; 0 when none is due. */
    synchronized long takeDue(long nowNanos) {
        if (seq == 0 || nowNanos - dueAt < 0) {
            return 0;
        }
        return takeAny();
    }

    /** The seq waiting to be notified, due or not (the journal closes), and none waits any more; 0 when none. */
    synchronized long takeAny() {
        long waiting = seq;
        seq = 0;
        return waiting;
    }
}
