package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.IncidentStarted;
import io.incidentconsole.incident.EventPayload.IncidentTakenOver;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holder is searched from the end of the journal (it is shown after every event): it must be whom the
 * journal read from the start says — the last take-over not undone, else the first start not undone.
 */
class IncidentHolderPropertiesTest {

    @Property(tries = 500)
    void theHolderFoundFromTheEndIsTheHolderReadFromTheStart(@ForAll("journals") List<Integer> kinds,
                                                              @ForAll("undone") Set<Integer> undoneAt) {
        List<Event> events = new ArrayList<>();
        Set<String> undone = new HashSet<>();
        for (int i = 0; i < kinds.size(); i++) {
            EventPayload payload = switch (kinds.get(i)) {
                case 0 -> new IncidentStarted("inc", "Plan", "sha");
                case 1 -> new IncidentTakenOver("op" + (i - 1), "op" + i, "");
                default -> new NoteAdded(null, "note " + i);
            };
            events.add(new Event("e" + i, i + 1, Instant.ofEpochSecond(1_000 + i), "op" + i, payload));
            if (undoneAt.contains(i)) {
                undone.add("e" + i);
            }
        }
        assertThat(IncidentHolder.of(events, undone::contains)).isEqualTo(readFromTheStart(events, undone));
    }

    /**
     * The state keeps its starts and take-overs aside, so that the holder is not read from every event: folded one
     * event at a time, undos of take-overs included, it names the holder the whole journal names.
     */
    @Property(tries = 300)
    void theStateNamesTheHolderTheWholeJournalNames(@ForAll("journals") List<Integer> kinds,
                                                     @ForAll("undone") Set<Integer> undoAt) {
        IncidentState state = IncidentState.initial(Fixtures.plan());
        int seq = 0;
        for (int i = 0; i < kinds.size(); i++) {
            EventPayload payload = switch (kinds.get(i)) {
                case 0 -> new IncidentStarted("inc", "Plan", "sha");
                case 1 -> new IncidentTakenOver("op" + (i - 1), "op" + i, "");
                default -> new NoteAdded(null, "note " + i);
            };
            seq++;
            state = state.apply(new Event("e" + i, seq, Instant.ofEpochSecond(1_000 + seq), "op" + i, payload));
            if (undoAt.contains(i)) {
                seq++;
                state = state.apply(new Event("u" + i, seq, Instant.ofEpochSecond(1_000 + seq), "op" + i,
                        new EventPayload.Undo("e" + i)));
            }
            IncidentState now = state;
            assertThat(IncidentHolder.of(now)).isEqualTo(IncidentHolder.of(now.events(), now::isUndone));
        }
        IncidentState replayed = IncidentState.replay(Fixtures.plan(), state.events());
        assertThat(IncidentHolder.of(replayed)).isEqualTo(IncidentHolder.of(state));
    }

    /** The definition, as the journal reads from its first event. */
    private static Optional<IncidentHolder> readFromTheStart(List<Event> events, Set<String> undone) {
        IncidentHolder holder = null;
        for (Event event : events) {
            if (undone.contains(event.id())) {
                continue;
            }
            if (event.payload() instanceof IncidentTakenOver p) {
                holder = new IncidentHolder(p.toOperator(), event.at(), true);
            } else if (event.payload() instanceof IncidentStarted && holder == null) {
                holder = new IncidentHolder(event.operator(), event.at(), false);
            }
        }
        return Optional.ofNullable(holder);
    }

    @Provide
    Arbitrary<List<Integer>> journals() {
        return Arbitraries.integers().between(0, 4).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Set<Integer>> undone() {
        return Arbitraries.integers().between(0, 39).set().ofMaxSize(10);
    }
}
