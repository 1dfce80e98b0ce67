package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.input.BoundedRead;

import io.incidentconsole.incident.EventCodec.DamagedLineException;
import io.incidentconsole.incident.RecoveryReport.Finding;
import io.incidentconsole.incident.RecoveryReport.Kind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads a journal's segments (journal-0001.jsonl, journal-0002.jsonl, ...) into events, classifying whatever
 * cannot be read. Never changes a file.
 */
final class JournalReader {

    static final Pattern SEGMENT_NAME = Pattern.compile("journal-(\\d{4,})\\.jsonl");

    private static final int PARALLEL_FROM = 2_000;

    /**
     * No more of one segment is read, whatever the file claims (a symlink to /dev/zero, a pipe): about half a
     * million events, several times the longest incident the journal benchmark writes.
     */
    static final long MAX_SEGMENT_BYTES = 128L * 1024 * 1024;

    private final EventCodec codec;

    JournalReader(EventCodec codec) {
        this.codec = codec;
    }

    /** Where the last segment stands, so a writer knows whether it can append to it. */
    record Tail(Path segment, int number, boolean endsCleanly) {
    }

    /** A damaged line not (yet) continued past. */
    record Damage(String segment, int line, String reason, int readableAfter, boolean lastLineOfJournal) {
    }

    /**
     * {@code lastChain}: the chain of the last event's line ("" when it has none), which the next line written
     * chains to; {@code incidentKey}: the incident id the chain is keyed with.
     */
    record Result(List<Event> events, List<Finding> findings, Damage damage, Tail tail, String lastChain,
                  String incidentKey) {
        long lastSeq() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
        }
    }

    static String segmentName(int number) {
        return String.format("journal-%04d.jsonl", number);
    }

    static List<Path> segments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> SEGMENT_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(JournalReader::segmentNumber))
                    .toList();
        }
    }

    static int segmentNumber(Path segment) {
        Matcher m = SEGMENT_NAME.matcher(segment.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a journal segment: " + segment);
        }
        return Integer.parseInt(m.group(1));
    }

    Result read(Path dir) throws IOException {
        List<Path> segments = segments(dir);
        List<Event> events = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        ChainCheck chain = new ChainCheck(dir.getFileName() == null ? "" : dir.getFileName().toString());
        Damage damage = null;
        int lastNonEmpty = -1;
        List<byte[]> contents = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            Path segment = segments.get(s);
            try {
                contents.add(BoundedRead.read(segment, MAX_SEGMENT_BYTES, "a journal segment"));
            } catch (IOException e) {
                throw new IOException(segment + ": " + BoundedRead.reason(segment, e), e);
            }
            if (contents.get(s).length > 0) {
                lastNonEmpty = s;
            }
        }
        for (int s = 0; s < segments.size(); s++) {
            Path segment = segments.get(s);
            String name = segment.getFileName().toString();
            byte[] bytes = contents.get(s);
            if (bytes.length == 0) {
                continue; // created just before a crash; nothing was written to it
            }
            boolean lastSegment = s == lastNonEmpty;
            Damage damageHere = null;
            int readableAfterDamage = 0;
            List<int[]> lines = lines(bytes);
            Object[] decoded = decodeAll(bytes, lines);
            chain.follow(name, bytes, lines, decoded);
            int lineNo = 0;
            boolean first = true;
            for (Object line : decoded) {
                lineNo++;
                if (damageHere != null) {
                    if (line instanceof Event) {
                        readableAfterDamage++;
                    }
                    continue;
                }
                if (!(line instanceof Event event)) {
                    damageHere = new Damage(name, lineNo, (String) line, 0, false);
                    continue;
                }
                if (first && event.payload() instanceof EventPayload.JournalContinued continued) {
                    long lastSeq = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
                    if (continued.afterSeq() <= lastSeq && event.seq() == continued.afterSeq() + 1) {
                        events.removeIf(e -> e.seq() > continued.afterSeq());
                        if (damage != null) {
                            findings.add(new Finding(Kind.CONTINUED_PAST, damage.segment(), damage.line(),
                                    damage.reason() + "; the incident continued from event " + continued.afterSeq()
                                            + " in " + name + " (the damaged file is kept as it was)"));
                            damage = null;
                        }
                    }
                }
                first = false;
                if (damage != null) {
                    // Damage in an earlier segment that this segment does not continue past: stop here.
                    break;
                }
                long expected = events.isEmpty() ? 1 : events.get(events.size() - 1).seq() + 1;
                if (event.seq() != expected) {
                    damageHere = new Damage(name, lineNo, sameAsPrevious(bytes, lines, lineNo - 1)
                            ? DUPLICATE + (lineNo - 1) + " (the same event written twice)"
                            : "sequence number " + event.seq() + " where " + expected
                            + " was expected (a line is missing or out of order)", 0, false);
                    continue;
                }
                if (event.payload() instanceof EventPayload.Unrecognized unknown) {
                    findings.add(new Finding(Kind.UNRECOGNIZED, name, lineNo, "event " + event.seq() + " of kind '"
                            + unknown.kind() + "': " + unknown.problem() + "; kept and shown as written"));
                }
                events.add(event);
            }
            if (damage != null) {
                break;
            }
            if (damageHere != null) {
                damage = new Damage(damageHere.segment(), damageHere.line(), damageHere.reason(), readableAfterDamage,
                        lastSegment && damageHere.line() == lineNo);
            }
        }
        findings.addAll(chain.findings());
        long lastSeq = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
        return new Result(events, findings, damage, tail(segments), chain.chainOf(lastSeq), chain.key());
    }

    /**
     * Follows the checksum chain line by line (see {@link EventCodec#chainAt}): the first line that does not chain
     * to the one before it, and where unchained lines (0.1) start. A segment that continues past damage chains to
     * the event it continues from.
     */
    private final class ChainCheck {

        private final String folderName;
        private final Map<Long, String> chainBySeq = new HashMap<>();
        private String key;
        private String previous = "";
        private Finding broken;
        private Finding unchained;
        private int unchainedLines;

        ChainCheck(String folderName) {
            this.folderName = folderName;
        }

        void follow(String segment, byte[] bytes, List<int[]> lines, Object[] decoded) {
            for (int i = 0; i < decoded.length; i++) {
                if (!(decoded[i] instanceof Event event)) {
                    continue;
                }
                if (key == null) {
                    key = event.payload() instanceof EventPayload.IncidentStarted started ? started.incidentId()
                            : folderName;
                }
                if (sameAsPrevious(bytes, lines, i)) {
                    continue; // a duplicated line is reported as such, not as a break in the chain
                }
                if (i == 0 && event.payload() instanceof EventPayload.JournalContinued continued) {
                    previous = chainBySeq.getOrDefault(continued.afterSeq(), "");
                }
                int[] line = lines.get(i);
                Optional<EventCodec.ChainLink> link = codec.chainAt(bytes, line[0], line[1] - line[0],
                        previous, key);
                if (link.isEmpty()) {
                    unchainedLines++;
                    if (unchained == null) {
                        unchained = new Finding(Kind.UNCHAINED, segment, i + 1, "");
                    }
                    previous = "";
                } else {
                    // Right after a line that cannot be read the link cannot be checked: that damage is reported.
                    boolean afterDamage = i > 0 && !(decoded[i - 1] instanceof Event);
                    if (!link.get().intact() && broken == null && !afterDamage) {
                        broken = new Finding(Kind.CHAIN_BROKEN, segment, i + 1, "the checksum chain breaks here: "
                                + "this line does not follow the line before it in this incident (a line was changed, "
                                + "inserted, removed or reordered, or copied from another incident)");
                    }
                    previous = link.get().written();
                }
                chainBySeq.put(event.seq(), previous);
            }
        }

        List<Finding> findings() {
            List<Finding> found = new ArrayList<>();
            if (broken != null) {
                found.add(broken);
            }
            if (unchained != null) {
                found.add(new Finding(Kind.UNCHAINED, unchained.segment(), unchained.line(), unchainedLines
                        + (unchainedLines == 1 ? " line has" : " lines have") + " no checksum chain (written by "
                        + "version 0.1), the first here: they open as before, but a line copied from another "
                        + "incident cannot be detected in them"));
            }
            return found;
        }

        String chainOf(long seq) {
            return chainBySeq.getOrDefault(seq, "");
        }

        String key() {
            return key == null ? folderName : key;
        }
    }

    private static Tail tail(List<Path> segments) throws IOException {
        if (segments.isEmpty()) {
            return null;
        }
        Path last = segments.get(segments.size() - 1);
        boolean endsCleanly;
        try (FileChannel channel = FileChannel.open(last)) {
            long size = channel.size();
            ByteBuffer lastByte = ByteBuffer.allocate(1);
            endsCleanly = size == 0 || (channel.read(lastByte, size - 1) == 1 && lastByte.get(0) == '\n');
        }
        return new Tail(last, segmentNumber(last), endsCleanly);
    }

    /** {start, end} of each line; the last one may lack its newline. */
    private static List<int[]> lines(byte[] bytes) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int newline = indexOf(bytes, (byte) '\n', start);
            int end = newline < 0 ? bytes.length : newline;
            lines.add(new int[] {start, end});
            start = end + 1;
        }
        return lines;
    }

    /**
     * Each line as an Event, or the reason it cannot be read (a String). Lines decode independently, so a long
     * segment is decoded on all cores: replaying a long journal at start-up is mostly this.
     */
    private Object[] decodeAll(byte[] bytes, List<int[]> lines) {
        Object[] decoded = new Object[lines.size()];
        IntStream range = IntStream.range(0, lines.size());
        (lines.size() >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> {
            int[] line = lines.get(i);
            try {
                decoded[i] = codec.decode(bytes, line[0], line[1] - line[0]);
            } catch (DamagedLineException e) {
                decoded[i] = e.getMessage();
            }
        });
        return decoded;
    }

    /** How a line that repeats the one before it is described (FileJournal words the finding from it). */
    static final String DUPLICATE = "an exact copy of line ";

    private static boolean sameAsPrevious(byte[] bytes, List<int[]> lines, int index) {
        if (index < 1) {
            return false;
        }
        int[] line = lines.get(index);
        int[] before = lines.get(index - 1);
        return Arrays.equals(bytes, line[0], line[1], bytes, before[0], before[1]);
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
