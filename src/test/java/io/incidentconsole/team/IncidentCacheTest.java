package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentCacheTest {

    private final EventCodec codec = new EventCodec();

    private static Event event(long seq) {
        return new Event("id-" + seq, seq, Instant.parse("2026-11-27T08:00:00.123456789Z").plusSeconds(seq), "ana",
                new EventPayload.NoteAdded("backup", "note " + seq));
    }

    @Test
    void queuedEventsSurviveReopeningAndATornLastLineIsDropped(@TempDir Path dir) throws IOException {
        try (IncidentCache cache = IncidentCache.openForWriting(dir, codec)) {
            cache.appendOutbox(event(1));
            cache.appendOutbox(event(2));
        }
        Files.write(dir.resolve(IncidentCache.OUTBOX), "{\"seq\":3,\"id\":\"id-3\",\"at\":".getBytes(),
                StandardOpenOption.APPEND);

        try (IncidentCache cache = IncidentCache.openForWriting(dir, codec)) {
            assertThat(cache.readOutbox()).containsExactly(event(1), event(2));
            cache.replaceOutbox(List.of(event(2)));
            assertThat(cache.readOutbox()).containsExactly(event(2));
            cache.replaceOutbox(List.of());
            assertThat(cache.readOutbox()).isEmpty();
            assertThat(dir.resolve(IncidentCache.OUTBOX)).doesNotExist();
        }
    }

    @Test
    void eventsFetchedWithTheirStoredPayloadTextAreCopiedAsTheyReadBack(@TempDir Path dir) throws IOException {
        String asStored = codec.payloadJson(event(2).payload()).replace(",", ", ").replace("\":", "\": ");
        try (IncidentCache cache = IncidentCache.openForWriting(dir, codec)) {
            cache.appendSynced(List.of(StoredEvent.of(event(1)), new StoredEvent(event(2), asStored)));
            assertThat(cache.readSynced()).containsExactly(event(1), event(2));
            assertThat(Files.readString(dir.resolve(IncidentCache.SYNCED))).as("the stored text, copied")
                    .contains("\"payload\":" + asStored + ",\"crc\"");
        }
    }

    @Test
    void theSyncStateIsWrittenOnlyWhenItChanges(@TempDir Path dir) throws IOException {
        Instant first = Instant.parse("2026-11-27T08:00:00Z");
        try (IncidentCache cache = IncidentCache.openForWriting(dir, codec)) {
            cache.saveSyncState(first, "db:5432/incidents");
            Path state = dir.resolve(IncidentCache.SYNC_STATE);
            assertThat(Files.readString(state)).contains("2026-11-27T08:00:00Z");
            Files.writeString(state, "left alone");
            cache.saveSyncState(first, "db:5432/incidents");
            assertThat(Files.readString(state)).as("the same instant: no write, no fsync").isEqualTo("left alone");
            cache.saveSyncState(first.plusSeconds(5), "db:5432/incidents");
            assertThat(Files.readString(state)).contains("2026-11-27T08:00:05Z");
        }
    }

    @Test
    void theSyncedCopyIsReadUpToTheFirstGap(@TempDir Path dir) throws IOException {
        try (IncidentCache cache = IncidentCache.openForWriting(dir, codec)) {
            cache.appendSynced(List.of(StoredEvent.of(event(1)), StoredEvent.of(event(2))));
            cache.appendSynced(List.of(StoredEvent.of(event(4))));
            assertThat(cache.readSynced()).containsExactly(event(1), event(2));
            cache.replaceSynced(List.of(event(1)));
            assertThat(cache.readSynced()).containsExactly(event(1));
        }
    }

    @Test
    void oneConsoleAtATimeUsesACacheFolder(@TempDir Path dir) throws IOException {
        try (IncidentCache first = IncidentCache.openForWriting(dir, codec)) {
            assertThatThrownBy(() -> IncidentCache.openForWriting(dir, codec))
                    .isInstanceOf(TeamDatabaseException.class)
                    .hasMessageContaining("already open in another console on this machine");
            // The refusal leaves the console that holds the folder working.
            first.replaceSynced(List.of(event(1)));
            assertThat(first.readSynced()).containsExactly(event(1));
        }
        IncidentCache.openForWriting(dir, codec).close();
    }

    @Test
    void everyFileOfTheCopyIsReadableByItsOwnerOnly(@TempDir Path dir) throws IOException {
        // A queue left readable to others by an earlier version is narrowed when it is next appended to.
        Files.writeString(dir.resolve(IncidentCache.OUTBOX), "");
        Files.setPosixFilePermissions(dir.resolve(IncidentCache.OUTBOX), PosixFilePermissions.fromString("rw-r--r--"));
        try (IncidentCache cache = IncidentCache.openForWriting(dir, codec)) {
            cache.appendOutbox(event(1));
            cache.appendSynced(List.of(StoredEvent.of(event(1))));
            cache.writeSyncState(Instant.parse("2026-11-27T08:00:00Z"), "db:5432/incidents");
            cache.writeIncident(new IncidentMetadata(IncidentMetadata.FORMAT, "INC-1",
                    Instant.parse("2026-11-27T08:00:00Z"), "ana", "Plan", "bundled", "abc"), "plan: {}\n");
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList())
                    .extracting(f -> f.getFileName() + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .contains(IncidentCache.OUTBOX + " rw-------", IncidentCache.SYNCED + " rw-------",
                            IncidentCache.LOCK + " rw-------")
                    .allSatisfy(line -> assertThat(line).endsWith(" rw-------"));
        }
    }
}
