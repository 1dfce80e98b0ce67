package io.incidentconsole.incident;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IncidentState#undoneIds} looks up only the events an undo names; it must find what the first rule found with
 * a position for every event: undos of undos, of later or unknown events, of an id seen twice, of the start.
 */
class UndoneIdsPropertiesTest {

    @Property(tries = 500)
    void findsWhatTheMapOfEveryIdFound(@ForAll("journals") List<Event> events) {
        assertThat(IncidentState.undoneIds(events)).isEqualTo(everyIdRule(events));
    }

    /** The first rule, kept here as the reference. */
    private static Set<String> everyIdRule(List<Event> events) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            position.putIfAbsent(events.get(i).id(), i);
        }
        Set<String> undone = new HashSet<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            Event event = events.get(i);
            if (event.payload() instanceof EventPayload.Undo undo && !undone.contains(event.id())) {
                Integer target = position.get(undo.eventId());
                if (target != null && target < i && !(events.get(target).payload()
                        instanceof EventPayload.IncidentStarted)) {
                    undone.add(undo.eventId());
                }
            }
        }
        return undone;
    }

    @Provide
    Arbitrary<List<Event>> journals() {
        // Few ids, so that undos name existing events, each other, later events and ids used twice.
        Arbitrary<String> ids = Arbitraries.integers().between(0, 12).map(n -> "e" + n);
        Arbitrary<EventPayload> payloads = Arbitraries.oneOf(
                Arbitraries.just(new EventPayload.NoteAdded(null, "note")),
                ids.map(EventPayload.Undo::new),
                ids.map(EventPayload.Undo::new),
                Arbitraries.just(new EventPayload.IncidentStarted("i", "plan", "")));
        return Combinators.combine(ids, payloads).as(IdAndPayload::new).list().ofMaxSize(30).map(items -> {
            List<Event> events = new ArrayList<>();
            for (IdAndPayload item : items) {
                events.add(new Event(item.id(), events.size() + 1L, Instant.EPOCH, "ana", item.payload()));
            }
            return events;
        });
    }

    private record IdAndPayload(String id, EventPayload payload) {
    }
}
