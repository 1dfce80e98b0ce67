package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.Fixtures;
import io.incidentconsole.incident.Journal;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.RecoveryReport;
import io.incidentconsole.incident.EventPayload.JournalContinued;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.RecoveryReport.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileJournalTest {

    @TempDir
    Path dir;

    private FileJournal open() {
        return FileJournal.open(dir, Fixtures.ticking(), Fixtures.sequentialIds());
    }

    private List<Event> write(int count) {
        try (FileJournal journal = open()) {
            List<Event> written = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                written.add(journal.append("ana", new NoteAdded(null, "note " + i)));
            }
            return written;
        }
    }

    private static List<String> texts(List<Event> events) {
        return events.stream().map(Event::payload).filter(NoteAdded.class::isInstance)
                .map(p -> ((NoteAdded) p).text()).toList();
    }

    private Path segment(int n) {
        return dir.resolve(String.format("journal-%04d.jsonl", n));
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
        }
    }

    @Test
    void eventsGetConsecutiveSequenceNumbersAndSurviveReopening() {
        List<Event> written = write(5);
        assertThat(written).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(written).extracting(Event::operator).containsOnly("ana");
        try (FileJournal journal = open()) {
            assertThat(journal.events()).isEqualTo(written);
            assertThat(journal.recovery().clean()).isTrue();
            Event next = journal.append("bo", new NoteAdded(null, "after reopening"));
            assertThat(next.seq()).isEqualTo(6);
        }
        assertThat(segment(1)).exists();
        assertThat(segment(2)).doesNotExist();
    }

    @Test
    void listenersHearEachAppendAfterItIsWritten() {
        try (FileJournal journal = open()) {
            List<Event> heard = new ArrayList<>();
            Journal.Subscription subscription = journal.subscribe(event -> {
                heard.add(event);
                assertThat(journal.events()).contains(event);
            });
            Event first = journal.append("ana", new NoteAdded(null, "one"));
            subscription.close();
            journal.append("ana", new NoteAdded(null, "two"));
            assertThat(heard).containsExactly(first);
        }
    }

    @Test
    void aTornLastLineIsDroppedWithAWarningAndTheIncidentGoesOnInANewSegment() throws IOException {
        List<Event> written = write(3);
        byte[] before = Files.readAllBytes(segment(1));
        Files.write(segment(1), "{\"seq\":4,\"id\":\"id-4\",\"at\":\"2026-".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        byte[] torn = Files.readAllBytes(segment(1));

        try (FileJournal journal = open()) {
            assertThat(journal.events()).startsWith(written.toArray(Event[]::new));
            assertThat(journal.events().get(3).payload()).isInstanceOf(JournalContinued.class);
            RecoveryReport report = journal.recovery();
            assertThat(report.warnings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.TORN_TAIL);
                assertThat(f.segment()).isEqualTo("journal-0001.jsonl");
                assertThat(f.line()).isEqualTo(4);
                assertThat(f.message()).contains("dropped").contains("up to event 3");
            });
            assertThat(report.unresolvedDamage()).isEmpty();
            Event next = journal.append("ana", new NoteAdded(null, "after the crash"));
            assertThat(next.seq()).isEqualTo(5);
        }
        assertThat(Files.readAllBytes(segment(1))).isEqualTo(torn).startsWith(before);
        assertThat(segment(2)).exists();

        try (FileJournal journal = open()) {
            assertThat(texts(journal.events())).containsExactly("note 1", "note 2", "note 3", "after the crash");
            assertThat(journal.recovery().warnings()).isEmpty();
            assertThat(journal.recovery().findings()).extracting(RecoveryReport.Finding::kind)
                    .containsExactly(Kind.CONTINUED_PAST);
        }
    }

    @Test
    void damageInTheMiddleIsReportedWithItsLineAndTheFileIsNeverChanged() throws IOException {
        write(5);
        List<String> lines = Files.readAllLines(segment(1));
        lines.set(2, lines.get(2).replace("note 3", "note X"));
        Files.write(segment(1), lines);
        byte[] damaged = Files.readAllBytes(segment(1));

        try (FileJournal journal = open()) {
            assertThat(texts(journal.events())).containsExactly("note 1", "note 2");
            RecoveryReport.Finding damage = journal.recovery().unresolvedDamage().orElseThrow();
            assertThat(damage.kind()).isEqualTo(Kind.DAMAGED);
            assertThat(damage.toString()).startsWith("journal-0001.jsonl:3: damaged line: checksum mismatch");
            assertThat(damage.message()).contains("last good event (2)").contains("2 readable line(s) after");
            assertThatThrownBy(() -> journal.append("ana", new NoteAdded(null, "refused")))
                    .isInstanceOf(JournalException.class)
                    .hasMessageContaining("journal-0001.jsonl line 3");
        }
        assertThat(Files.readAllBytes(segment(1))).isEqualTo(damaged);
        assertThat(segmentFiles()).containsExactly(segment(1));
    }

    @Test
    void theOperatorCanContinueFromTheLastGoodEventIntoANewSegment() throws IOException {
        write(5);
        List<String> lines = Files.readAllLines(segment(1));
        lines.set(2, "garbage");
        Files.write(segment(1), lines);
        byte[] damaged = Files.readAllBytes(segment(1));

        try (FileJournal journal = open()) {
            Event continued = journal.continueFromLastGoodEvent("ana");
            assertThat(continued.seq()).isEqualTo(3);
            assertThat(continued.payload()).isEqualTo(new JournalContinued(2, "journal-0001.jsonl", 3,
                    "operator continued from the last good event after: the line is incomplete (no checksum at its end)"));
            assertThat(journal.recovery().unresolvedDamage()).isEmpty();
            journal.append("ana", new NoteAdded(null, "carry on"));
        }
        assertThat(Files.readAllBytes(segment(1))).isEqualTo(damaged);
        try (FileJournal journal = open()) {
            assertThat(texts(journal.events())).containsExactly("note 1", "note 2", "carry on");
            assertThat(journal.events()).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(journal.recovery().findings()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.CONTINUED_PAST));
            journal.append("ana", new NoteAdded(null, "and more"));
        }
        assertThat(segmentFiles()).containsExactly(segment(1), segment(2));
    }

    @Test
    void aMissingLineIsDamageNotASilentGap() throws IOException {
        write(4);
        List<String> lines = new ArrayList<>(Files.readAllLines(segment(1)));
        lines.remove(1);
        Files.write(segment(1), lines);
        try (FileJournal journal = FileJournal.openReadOnly(dir, "test")) {
            assertThat(journal.events()).hasSize(1);
            assertThat(journal.recovery().unresolvedDamage().orElseThrow().message())
                    .contains("sequence number 3 where 2 was expected");
        }
    }

    @Test
    void aReadOnlyJournalChangesNothingEvenWithATornTail() throws IOException {
        write(2);
        Files.write(segment(1), "{\"seq\":3".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(segment(1));
        try (FileJournal journal = FileJournal.openReadOnly(dir, "another console has it open")) {
            assertThat(journal.events()).hasSize(2);
            assertThat(journal.recovery().warnings()).extracting(RecoveryReport.Finding::kind)
                    .containsExactly(Kind.TORN_TAIL);
            assertThat(journal.readOnlyReason()).contains("another console has it open");
            assertThatThrownBy(() -> journal.append("ana", new NoteAdded(null, "no")))
                    .isInstanceOf(JournalException.class).hasMessageContaining("read-only")
                    .hasMessageContaining("another console has it open");
        }
        assertThat(Files.readAllBytes(segment(1))).isEqualTo(before);
        assertThat(segmentFiles()).containsExactly(segment(1));
    }

    @Test
    void aReadOnlyJournalSeesWhatTheWriterAppendsWhenRefreshed() {
        try (FileJournal writer = open();
             FileJournal reader = FileJournal.openReadOnly(dir, "watching")) {
            writer.append("ana", new NoteAdded(null, "one"));
            List<Event> heard = new ArrayList<>();
            reader.subscribe(heard::add);
            assertThat(reader.refresh()).isEqualTo(1);
            Event two = writer.append("ana", new NoteAdded(null, "two"));
            assertThat(reader.refresh()).isEqualTo(1);
            assertThat(heard).extracting(Event::seq).containsExactly(1L, 2L);
            assertThat(reader.events()).last().isEqualTo(two);
        }
    }

    @Test
    void anEventOfAnUnknownKindIsKeptShownAndDoesNotStopTheJournal() throws IOException {
        write(1);
        String future = new String(Fixtures.withChecksum("{\"seq\":2,\"id\":\"f-2\",\"at\":\"2026-11-27T09:00:00Z\","
                + "\"operator\":\"bo\",\"kind\":\"PagerRotated\",\"payload\":{\"to\":\"cy\"}"), StandardCharsets.UTF_8);
        Files.writeString(segment(1), future + "\n", StandardOpenOption.APPEND);
        try (FileJournal journal = open()) {
            assertThat(journal.events()).hasSize(2);
            assertThat(journal.events().get(1).kind()).isEqualTo("PagerRotated");
            assertThat(journal.recovery().warnings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.UNRECOGNIZED);
                assertThat(f.line()).isEqualTo(2);
            });
            assertThat(journal.append("ana", new NoteAdded(null, "three")).seq()).isEqualTo(3);
        }
        try (FileJournal journal = open()) {
            assertThat(journal.events()).extracting(Event::kind).containsExactly("NoteAdded", "PagerRotated", "NoteAdded");
        }
    }

    @Test
    void aValidLastLineWithoutItsNewlineIsKeptAndNewEventsGoToANewSegment() throws IOException {
        write(2);
        byte[] bytes = Files.readAllBytes(segment(1));
        Files.write(segment(1), Arrays.copyOf(bytes, bytes.length - 1));
        try (FileJournal journal = open()) {
            assertThat(journal.events()).hasSize(2);
            assertThat(journal.recovery().clean()).isTrue();
            journal.append("ana", new NoteAdded(null, "three"));
        }
        try (FileJournal journal = open()) {
            assertThat(texts(journal.events())).containsExactly("note 1", "note 2", "three");
        }
        assertThat(segment(2)).exists();
    }

    @Test
    void anEmptySegmentLeftByACrashIsHarmless() throws IOException {
        write(2);
        List<String> lines = Files.readAllLines(segment(1));
        Files.writeString(segment(1), lines.get(0) + "\n" + lines.get(1).substring(0, 20));
        Files.createFile(segment(2)); // the crash came after creating the new segment, before writing to it
        try (FileJournal journal = open()) {
            assertThat(journal.recovery().warnings()).extracting(RecoveryReport.Finding::kind)
                    .containsExactly(Kind.TORN_TAIL);
            journal.append("ana", new NoteAdded(null, "two again"));
        }
        try (FileJournal journal = open()) {
            assertThat(texts(journal.events())).containsExactly("note 1", "two again");
            assertThat(journal.recovery().warnings()).isEmpty();
        }
    }

    @Test
    void anUnwritableFolderGivesAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> FileJournal.open(file))
                .isInstanceOf(JournalException.class).hasMessageContaining("cannot open the journal in " + file);
    }
}
