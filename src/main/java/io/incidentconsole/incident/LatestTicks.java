package io.incidentconsole.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event that ticked each ticked task (key {@code "T|phase|task"}) and confirmed each confirmed criterion
 * ({@code "C|owner|criterion"}), undone events left out: who ticked what and when, as the board shows it.
 * <p>
 * The board asks on every state change; with 100,000 events folding them all each time cost milliseconds per tick
 * on the UI thread. A journal only grows, and an event is undone only by a later {@link EventPayload.Undo}: so when
 * the events extend the ones seen last and none of the new ones is an Undo, only the new ones are folded. Any other
 * list (another incident, a team reload, a new Undo) is folded whole. {@link #fold} is the whole computation.
 */
public final class LatestTicks {

    private final Map<String, Event> ticks = new HashMap<>();
    private Event first;
    private Event lastSeen;
    private int seen;

    /** The ticks of {@code state}: the same map as {@link #fold}, reading only the events new since the last call. */
    public synchronized Map<String, Event> of(IncidentState state) {
        List<Event> events = state.events();
        boolean extendsSeen = seen > 0 && events.size() >= seen && events.get(0) == first
                && events.get(seen - 1) == lastSeen;
        for (int i = extendsSeen ? seen : events.size(); i < events.size(); i++) {
            if (events.get(i).payload() instanceof EventPayload.Undo) {
                extendsSeen = false; // it may cancel an event folded already
                break;
            }
        }
        if (!extendsSeen) {
            ticks.clear();
            seen = 0;
        }
        for (int i = seen; i < events.size(); i++) {
            apply(ticks, state, events.get(i));
        }
        seen = events.size();
        first = seen > 0 ? events.get(0) : null;
        lastSeen = seen > 0 ? events.get(seen - 1) : null;
        return Map.copyOf(ticks);
    }

    /** The ticks of {@code state}, every event folded. */
    public static Map<String, Event> fold(IncidentState state) {
        Map<String, Event> ticks = new HashMap<>();
        for (Event event : state.events()) {
            apply(ticks, state, event);
        }
        return Map.copyOf(ticks);
    }

    private static void apply(Map<String, Event> ticks, IncidentState state, Event event) {
        if (state.isUndone(event.id())) {
            return;
        }
        if (event.payload() instanceof EventPayload.TaskTicked p) {
            ticks.put("T|" + p.phaseId() + "|" + p.taskId(), event);
        } else if (event.payload() instanceof EventPayload.GuidedStepDone p) {
            // a guided step is the task(s) it ticks: same event, same who
            p.taskIds().forEach(task -> ticks.putIfAbsent("T|" + p.phaseId() + "|" + task, event));
        } else if (event.payload() instanceof EventPayload.TaskUnticked p) {
            ticks.remove("T|" + p.phaseId() + "|" + p.taskId());
        } else if (event.payload() instanceof EventPayload.CriterionTicked p) {
            if (p.ticked()) {
                ticks.put("C|" + p.ownerId() + "|" + p.criterionId(), event);
            } else {
                ticks.remove("C|" + p.ownerId() + "|" + p.criterionId());
            }
        }
    }
}
