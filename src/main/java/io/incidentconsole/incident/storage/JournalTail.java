package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a journal's last readable event by reading only the end of its last segment (for listing incidents). */
final class JournalTail {

    private static final int WINDOW = 64 * 1024;

    private JournalTail() {
    }

    static Optional<Event> lastEvent(Path dir) throws IOException {
        EventCodec codec = new EventCodec();
        List<Path> segments = JournalReader.segments(dir);
        for (int s = segments.size() - 1; s >= 0; s--) {
            Optional<Event> last = lastIn(segments.get(s), codec);
            if (last.isPresent()) {
                return last;
            }
        }
        return Optional.empty();
    }

    private static Optional<Event> lastIn(Path segment, EventCodec codec) throws IOException {
        if (Files.size(segment) == 0) {
            return Optional.empty();
        }
        byte[] bytes;
        try (FileChannel in = FileChannel.open(segment)) {
            long size = in.size();
            long start = Math.max(0, size - WINDOW);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            while (buffer.hasRemaining() && in.read(buffer, start + buffer.position()) > 0) {
                // keep reading until the window is full
            }
            bytes = buffer.array();
        }
        int end = bytes.length;
        while (end > 0) {
            int lineEnd = end;
            if (bytes[lineEnd - 1] == '\n') {
                lineEnd--;
            }
            int lineStart = lineEnd;
            while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
                lineStart--;
            }
            try {
                return Optional.of(codec.decode(bytes, lineStart, lineEnd - lineStart));
            } catch (EventCodec.DamagedLineException e) {
                end = lineStart;
            }
        }
        return Optional.empty();
    }
}
