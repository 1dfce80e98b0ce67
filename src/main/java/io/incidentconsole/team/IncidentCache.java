package io.incidentconsole.team;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.IncidentMetadata;
import io.incidentconsole.settings.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * This machine's copy of one shared incident, in its own folder: incident.json and plan.yaml (as a local incident
 * has them), synced.jsonl (the database's events as last fetched, in its order), outbox.jsonl (events recorded
 * here and not yet acknowledged by the database, each forced to disk before the append returns) and sync.json
 * (when the copy was last synced). Lines are {@link EventCodec} lines, so a torn or damaged line is detected.
 */
final class IncidentCache implements AutoCloseable {

    static final String METADATA = "incident.json";
    static final String PLAN = "plan.yaml";
    static final String SYNCED = "synced.jsonl";
    static final String OUTBOX = "outbox.jsonl";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final String SYNC_STATE = "sync.json";
    static final String LOCK = "console.lock";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** What sync.json holds. */
    record SyncState(Instant lastSynced, String database) {
    }

    /** The incident as this machine last had it. */
    record Snapshot(IncidentMetadata metadata, String planText, List<Event> synced, List<Event> outbox,
                    Optional<Instant> lastSynced) {
    }

    private final Path folder;
    private final EventCodec codec;
    private FileChannel lockChannel;
    private FileLock lock;
    private FileChannel syncedChannel;
    private FileChannel outboxChannel;
    private Instant lastSavedSync; // guarded by this

    private IncidentCache(Path folder, EventCodec codec) {
        this.folder = folder;
        this.codec = codec;
    }

    /** The cache for writing: creates the folder and takes its lock (one console per folder). */
    static IncidentCache openForWriting(Path folder, EventCodec codec) {
        IncidentCache cache = new IncidentCache(folder, codec);
        try {
            Files.createDirectories(folder);
            cache.lockChannel = openOwnerOnly(folder.resolve(LOCK), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE));
            try {
                cache.lock = cache.lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                cache.lock = null;
            }
            if (cache.lock == null) {
                cache.close();
                throw new TeamDatabaseException("this incident is already open in another console on this machine "
                        + "(it keeps its copy in " + folder + ")");
            }
        } catch (IOException e) {
            cache.close();
            throw new TeamDatabaseException("cannot use the local copy in " + folder + ": " + e.getMessage(), e);
        }
        return cache;
    }

    /** The cache for reading only (a read-only view): no lock, nothing written. */
    static IncidentCache openForReading(Path folder, EventCodec codec) {
        return new IncidentCache(folder, codec);
    }

    Path folder() {
        return folder;
    }

    static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(METADATA)) && Files.isRegularFile(folder.resolve(PLAN));
    }

    void writeIncident(IncidentMetadata metadata, String planText) throws IOException {
        AtomicFiles.write(folder.resolve(PLAN), planText.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(folder.resolve(METADATA), MAPPER.writeValueAsBytes(metadata));
    }

    static IncidentMetadata readMetadata(Path folder) throws IOException {
        return MAPPER.readValue(folder.resolve(METADATA).toFile(), IncidentMetadata.class);
    }

    Snapshot read() throws IOException {
        IncidentMetadata metadata = readMetadata(folder);
        String plan = Files.readString(folder.resolve(PLAN), StandardCharsets.UTF_8);
        Optional<Instant> lastSynced = Optional.empty();
        Path state = folder.resolve(SYNC_STATE);
        if (Files.isRegularFile(state)) {
            lastSynced = Optional.ofNullable(MAPPER.readValue(state.toFile(), SyncState.class).lastSynced());
        }
        return new Snapshot(metadata, plan, readSynced(), readOutbox(), lastSynced);
    }

    /** The synced events: a prefix 1..n with no gap; reading stops at the first line that breaks that. */
    List<Event> readSynced() throws IOException {
        List<Event> events = new ArrayList<>();
        for (Event event : readLines(folder.resolve(SYNCED))) {
            if (event.seq() != events.size() + 1) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /** The queued events in the order they were recorded; a torn last line (crash mid-append) is dropped. */
    List<Event> readOutbox() throws IOException {
        return readLines(folder.resolve(OUTBOX));
    }

    private List<Event> readLines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Event> events = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            try {
                events.add(codec.decode(bytes, start, end - start));
            } catch (EventCodec.DamagedLineException e) {
                break; // a torn or damaged line: what follows cannot be trusted to be in order
            }
            start = end + 1;
        }
        return events;
    }

    /** Replaces the synced copy (after a fresh fetch that does not extend it). */
    void replaceSynced(List<Event> events) throws IOException {
        closeChannel(syncedChannel);
        syncedChannel = null;
        AtomicFiles.write(folder.resolve(SYNCED), lines(events));
    }

    /**
     * Adds fetched events to the synced copy. Not forced to disk: the database holds them, and a torn copy is
     * re-fetched.
     */
    void appendSynced(List<StoredEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        if (syncedChannel == null) {
            syncedChannel = openForAppending(folder.resolve(SYNCED));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (StoredEvent stored : events) {
            out.writeBytes(stored.payloadJson() == null ? codec.encode(stored.event())
                    : codec.encodeStored(stored.event(), stored.payloadJson()));
        }
        write(syncedChannel, out.toByteArray());
    }

    /** Queues one event durably: on disk before this returns. */
    void appendOutbox(Event event) throws IOException {
        if (outboxChannel == null) {
            outboxChannel = openForAppending(folder.resolve(OUTBOX));
        }
        write(outboxChannel, codec.encode(event));
        outboxChannel.force(true);
    }

    /** Rewrites the queue with what is still unacknowledged (atomically: the old queue or the new one). */
    void replaceOutbox(List<Event> remaining) throws IOException {
        closeChannel(outboxChannel);
        outboxChannel = null;
        if (remaining.isEmpty()) {
            Files.deleteIfExists(folder.resolve(OUTBOX));
        } else {
            AtomicFiles.write(folder.resolve(OUTBOX), lines(remaining));
        }
    }

    /**
     * Writes sync.json unless it says this already (a file and its folder forced to disk). A failure only affects
     * the "last synced at" a later read-only view shows.
     */
    synchronized void saveSyncState(Instant lastSynced, String databaseLabel) {
        if (lastSynced.equals(lastSavedSync)) {
            return;
        }
        try {
            writeSyncState(lastSynced, databaseLabel);
            lastSavedSync = lastSynced;
        } catch (IOException e) {
            // The old sync.json stays: the copy reads as synced a little earlier than it was.
        }
    }

    void writeSyncState(Instant lastSynced, String databaseLabel) throws IOException {
        AtomicFiles.write(folder.resolve(SYNC_STATE), MAPPER.writeValueAsBytes(new SyncState(lastSynced,
                databaseLabel)));
    }

    private byte[] lines(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Event event : events) {
            out.writeBytes(codec.encode(event));
        }
        return out.toByteArray();
    }

    /**
     * Opens a file to append to, readable by its owner only like the cache's other files (they hold the incident's
     * events): created 0600, and a file an earlier version left readable to others is narrowed to 0600.
     */
    static FileChannel openForAppending(Path file) throws IOException {
        return openOwnerOnly(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    private static FileChannel openOwnerOnly(Path file, Set<OpenOption> options) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(file, options);
        }
        FileChannel channel = FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return channel;
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void closeChannel(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a file we only appended to; its data was written (and forced where it matters).
            }
        }
    }

    @Override
    public void close() {
        closeChannel(syncedChannel);
        closeChannel(outboxChannel);
        syncedChannel = null;
        outboxChannel = null;
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException e) {
                // The lock goes with the channel.
            }
            lock = null;
        }
        closeChannel(lockChannel);
        lockChannel = null;
    }
}
