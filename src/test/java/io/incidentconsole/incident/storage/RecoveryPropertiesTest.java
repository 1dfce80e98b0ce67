package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a crash or a bad disk does to the journal's bytes, reading it never throws, keeps exactly the events
 * before the first bad byte, and never yields a partial or altered event.
 */
class RecoveryPropertiesTest {

    private static final int EVENTS = 20;

    private final EventCodec codec = new EventCodec();
    private final List<Event> events = new ArrayList<>();
    private final List<Integer> lineEnds = new ArrayList<>();
    private byte[] journal;
    private Path dir;

    @BeforeProperty
    void writeJournal() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i <= EVENTS; i++) {
            Event event = new Event("id-" + i, i, Instant.parse("2026-11-27T08:00:00Z").plusSeconds(i), "ana",
                    new EventPayload.NoteAdded(i % 3 == 0 ? "migrate" : null, "note number " + i));
            events.add(event);
            out.write(codec.encode(event));
            lineEnds.add(out.size());
        }
        journal = out.toByteArray();
        dir = Files.createTempDirectory("recovery");
    }

    @AfterProperty
    void removeJournal() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** How many whole lines (with their newline, or complete without it) fit in the first {@code length} bytes. */
    private int completeEventsWithin(int length) {
        int count = 0;
        for (int end : lineEnds) {
            if (end <= length || end - 1 == length) {
                count++;
            }
        }
        return count;
    }

    @Property(tries = 200)
    void aJournalCutAnywhereKeepsEveryCompleteEventAndNoPartialOne(
            @ForAll @IntRange(min = 0, max = 100_000) int cut) throws IOException {
        int length = cut % (journal.length + 1);
        Files.write(dir.resolve("journal-0001.jsonl"), Arrays.copyOf(journal, length));
        try (FileJournal read = FileJournal.openReadOnly(dir, "property")) {
            int expected = completeEventsWithin(length);
            assertThat(read.events()).isEqualTo(events.subList(0, expected));
            boolean cutInsideALine = length > 0 && !lineEnds.contains(length) && !lineEnds.contains(length + 1);
            assertThat(read.recovery().warnings()).hasSize(cutInsideALine ? 1 : 0);
            assertThat(read.recovery().unresolvedDamage()).isEmpty();
        }
    }

    @Property(tries = 200)
    void aDamagedByteAnywhereKeepsExactlyTheEventsBeforeIt(
            @ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int flip) throws IOException {
        int at = position % journal.length;
        byte[] damaged = journal.clone();
        damaged[at] = (byte) (damaged[at] ^ flip);
        Files.write(dir.resolve("journal-0001.jsonl"), damaged);
        try (FileJournal read = FileJournal.openReadOnly(dir, "property")) {
            int line = 0;
            while (lineEnds.get(line) <= at) {
                line++;
            }
            int damagedLine = line + 1;
            // A damaged newline joins two lines into one bad line; either way, the events before it stay.
            assertThat(read.events()).isEqualTo(events.subList(0, line));
            assertThat(read.recovery().warnings()).singleElement()
                    .satisfies(f -> assertThat(f.line()).isEqualTo(damagedLine));
        }
    }
}
