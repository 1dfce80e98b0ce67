package io.incidentconsole.drill;

import io.incidentconsole.incident.DrillEvents;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A drill's clock: the wall clock plus the fast-forwards recorded in the drill. Only a drill may be fast-forwarded;
 * a real incident refuses (its waits are real: "monitor for 24 hours" means 24 hours).
 */
public final class DrillClock {

    public static final String LABEL = "fast-forwarded in drill";

    private DrillClock() {
    }

    /** A real incident was asked to fast-forward. */
    public static final class NotADrillException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public NotADrillException(String incidentId) {
            super("incident " + incidentId + " is not a drill: its clock cannot be fast-forwarded (waits in a real "
                    + "incident are real; cut a wait short with a reason instead)");
        }
    }

    /**
     * Records a fast-forward of {@code by}.
     *
     * @throws NotADrillException in a real incident (nothing is recorded)
     */
    public static Event advance(Incident incident, Duration by, String reason) {
        if (!incident.metadata().drill()) {
            throw new NotADrillException(incident.id());
        }
        return incident.record(new DrillEvents.DrillClockAdvanced(by, reason));
    }

    /** The waits of the incident, as the drill clock says (wall clock only in a real incident). */
    public static WaitClock waitClock(Clock clock, boolean drill, Supplier<DrillState> state) {
        return drill ? new WaitClock(clock, since -> state.get().advancedSince(since)) : new WaitClock(clock);
    }

    /** How far to move forward so that every wait running now is over. */
    public static Optional<Duration> toEndOfWaits(IncidentState state, DrillState drill, Instant now) {
        WaitClock waits = new WaitClock(Clock.fixed(now, ZoneOffset.UTC), drill::advancedSince);
        Duration longest = null;
        for (PhaseState phase : state.phases().values()) {
            for (PhaseState.Wait wait : phase.waits().values()) {
                WaitClock.Status status = waits.status(wait);
                if (status.state() == WaitClock.State.WAITING
                        && (longest == null || status.remaining().compareTo(longest) > 0)) {
                    longest = status.remaining();
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /** How far to move forward so that the scenario's next event is due. */
    public static Optional<Duration> toNextScenarioEvent(ScenarioDirector director, IncidentState state,
                                                         DrillState drill, Instant now) {
        return director.next(state, drill).map(next -> {
            Duration until = Duration.between(now, next.at());
            return until.isNegative() ? Duration.ZERO : until;
        });
    }
}
