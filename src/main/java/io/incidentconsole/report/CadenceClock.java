package io.incidentconsole.report;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.UpdateRecord;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.Communication.Cadence;
import io.incidentconsole.plan.PhaseStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When the plan's stakeholder updates are due. Everything is computed from the journal and a clock, so a
 * restarted console shows the same reminder.
 *
 * <ul>
 * <li>A periodic cadence ({@code every}) is active while any of its phases is in progress; its next update is due
 * {@code every} after the later of its last published update and its activation (the first start of one of its
 * phases).</li>
 * <li>A milestone cadence ({@code atMilestones}) owes an update for each start or completion of one of its phases
 * since its last published update; that update is due {@link #milestoneGrace} after the earliest such
 * milestone (a milestone update cannot be written the second the phase changes).</li>
 * </ul>
 * An update counts for a cadence when it was published with the cadence's id.
 */
public final class CadenceClock {

    /** The default time allowed to write a milestone update. */
    public static final Duration DEFAULT_MILESTONE_GRACE = Duration.ofMinutes(15);

    private final Clock clock;
    private final Duration milestoneGrace;
    private final PhaseMilestones milestones = new PhaseMilestones();

    public CadenceClock(Clock clock, Duration milestoneGrace) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.milestoneGrace = Objects.requireNonNull(milestoneGrace, "milestoneGrace");
    }

    public CadenceClock(Clock clock) {
        this(clock, DEFAULT_MILESTONE_GRACE);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Why an update is owed. */
    public enum Reason { PERIODIC, MILESTONE }

    /** An update owed to a cadence's audience: by when, why, and when the last one went out. */
    public record Due(Cadence cadence, Instant dueAt, Reason reason, String because, Instant lastPublished) {

        public boolean overdue(Instant now) {
            return now.isAfter(dueAt);
        }

        /** Time left until due (negative when overdue). */
        public Duration remaining(Instant now) {
            return Duration.between(now, dueAt);
        }
    }

    /** Every cadence that owes an update now, the most urgent first. */
    public List<Due> dueUpdates(IncidentState state) {
        List<Due> due = new ArrayList<>();
        for (Cadence cadence : state.plan().communication().cadences()) {
            dueFor(state, cadence).ifPresent(due::add);
        }
        due.sort(Comparator.comparing(Due::dueAt));
        return due;
    }

    /** The update due soonest (or most overdue), if any cadence is active. */
    public Optional<Due> next(IncidentState state) {
        List<Due> due = dueUpdates(state);
        return due.isEmpty() ? Optional.empty() : Optional.of(due.get(0));
    }

    /** The update a cadence owes, if it owes one. */
    public Optional<Due> dueFor(IncidentState state, Cadence cadence) {
        Instant lastPublished = lastPublished(state, cadence.id());
        Due periodic = periodic(state, cadence, lastPublished);
        Due milestone = cadence.atMilestones() ? milestone(state, cadence, lastPublished) : null;
        if (periodic == null) {
            return Optional.ofNullable(milestone);
        }
        if (milestone == null) {
            return Optional.of(periodic);
        }
        return Optional.of(milestone.dueAt().isBefore(periodic.dueAt()) ? milestone : periodic);
    }

    private Due periodic(IncidentState state, Cadence cadence, Instant lastPublished) {
        if (cadence.every() == null || cadence.every().isZero() || cadence.every().isNegative()) {
            return null;
        }
        List<PhaseState> running = cadence.phases().stream()
                .map(id -> state.phases().get(id))
                .filter(p -> p != null && p.status() == PhaseStatus.IN_PROGRESS)
                .toList();
        if (running.isEmpty()) {
            return null;
        }
        Instant activation = cadence.phases().stream()
                .map(id -> state.phases().get(id))
                .filter(p -> p != null && p.startedAt() != null)
                .map(PhaseState::startedAt)
                .min(Comparator.naturalOrder())
                .orElseGet(() -> state.started().map(StartRecord::at).orElse(clock.instant()));
        Instant anchor = lastPublished != null && lastPublished.isAfter(activation) ? lastPublished : activation;
        String phases = String.join(", ", running.stream().map(PhaseState::phaseId).toList());
        return new Due(cadence, anchor.plus(cadence.every()), Reason.PERIODIC,
                "every " + every(cadence.every()) + " while " + phases + " " + (running.size() == 1 ? "runs" : "run"),
                lastPublished);
    }

    private Due milestone(IncidentState state, Cadence cadence, Instant lastPublished) {
        for (Event event : milestones.among(state.events())) {
            String what = null;
            if (event.payload() instanceof EventPayload.PhaseStarted p && cadence.phases().contains(p.phaseId())) {
                what = p.phaseId() + " started";
            } else if (event.payload() instanceof EventPayload.PhaseCompleted p
                    && cadence.phases().contains(p.phaseId())) {
                what = p.phaseId() + " completed";
            }
            if (what == null || state.isUndone(event.id())
                    || lastPublished != null && !event.at().isAfter(lastPublished)) {
                continue;
            }
            return new Due(cadence, event.at().plus(milestoneGrace), Reason.MILESTONE, "milestone: " + what,
                    lastPublished);
        }
        return null;
    }

    /**
     * The phase starts and completions among an incident's events, in order. The console asks on every state change
     * (the header's "update due" line), and scanning 100,000 events each time cost tens of milliseconds per tick on a
     * loaded machine: a journal only grows, so when the events extend the ones seen last only the new ones are read.
     * Any other list (another incident, a team reload) is read whole.
     */
    static final class PhaseMilestones {
        private final List<Event> found = new ArrayList<>();
        private Event first;
        private Event lastSeen;
        private int seen;

        synchronized List<Event> among(List<Event> events) {
            boolean extendsSeen = seen > 0 && events.size() >= seen && events.get(0) == first
                    && events.get(seen - 1) == lastSeen;
            if (!extendsSeen) {
                found.clear();
                seen = 0;
            }
            for (int i = seen; i < events.size(); i++) {
                Event event = events.get(i);
                if (event.payload() instanceof EventPayload.PhaseStarted
                        || event.payload() instanceof EventPayload.PhaseCompleted) {
                    found.add(event);
                }
            }
            seen = events.size();
            first = seen > 0 ? events.get(0) : null;
            lastSeen = seen > 0 ? events.get(seen - 1) : null;
            return List.copyOf(found);
        }
    }

    /** When an update for the cadence was last published (the latest, undone ones excepted). */
    public static Instant lastPublished(IncidentState state, String cadenceId) {
        Instant last = null;
        for (UpdateRecord update : state.updates()) {
            if (Objects.equals(update.cadenceId(), cadenceId) && (last == null || update.at().isAfter(last))) {
                last = update.at();
            }
        }
        return last;
    }

    /** "hourly", "every 30 min", "every 2 h". */
    public static String every(Duration every) {
        if (every.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (every.toMinutesPart() == 0 && every.toSecondsPart() == 0 && every.toHours() > 0) {
            return every.toHours() + " h";
        }
        if (every.toSecondsPart() == 0) {
            return every.toMinutes() + " min";
        }
        return every.toSeconds() + " s";
    }

    /** "12:34" (or "1:02:03" past an hour), of a duration's absolute value. */
    /** "under a minute", "14 min", "1 h", "2 h 5 min": a span of time, never mistakable for a clock time. */
    public static String inWords(Duration duration) {
        long minutes = (Math.abs(duration.toSeconds()) + 30) / 60;
        if (minutes == 0) {
            return "under a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    public static String clockText(Duration duration) {
        long seconds = Math.abs(duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long secs = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, secs) : String.format("%02d:%02d", minutes,
                secs);
    }
}
