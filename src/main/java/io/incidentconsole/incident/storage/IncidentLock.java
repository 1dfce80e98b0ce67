package io.incidentconsole.incident.storage;

import io.incidentconsole.settings.MachineName;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The exclusive hold one console has on an incident: an OS file lock on console.lock in the incident folder,
 * released when the console closes the incident or its process dies. The file says who holds it, so a second
 * console can tell the operator.
 */
public final class IncidentLock implements AutoCloseable {

    public static final String FILE = "console.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private IncidentLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, or returns empty when another console holds it. Note: within one JVM, the caller must not
     * try a folder it already holds (closing the second channel would drop the first's OS lock); IncidentStore
     * keeps track of that.
     */
    public static Optional<IncidentLock> tryAcquire(Path incidentDir, String operator, Instant now) throws IOException {
        FileChannel channel = FileChannel.open(incidentDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        String holder = "pid " + ProcessHandle.current().pid() + " on " + MachineName.current() + ", operator " + operator
                + ", since " + now + "\n";
        channel.truncate(0);
        ByteBuffer text = ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8));
        long position = 0;
        while (text.hasRemaining()) {
            position += channel.write(text, position);
        }
        channel.force(true);
        return Optional.of(new IncidentLock(channel, lock));
    }

    /** Who holds the lock, as the holder wrote it ("pid 1234 on host, operator ana, since ..."). */
    public static String holder(Path incidentDir) {
        try {
            String text = Files.readString(incidentDir.resolve(FILE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another console" : text;
        } catch (IOException e) {
            return "another console";
        }
    }


    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it too.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock when the process ends in any case.
        }
    }
}
