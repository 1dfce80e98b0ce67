package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.RecoveryReport;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.Journal;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.JournalListener;
import io.incidentconsole.incident.RecoveryReport.Finding;
import io.incidentconsole.incident.RecoveryReport.Kind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A journal in a folder, as JSON Lines in segments journal-0001.jsonl, journal-0002.jsonl, ... Each append is
 * one write of a whole line followed by {@code force(true)}: an event is on disk before append returns. Written
 * bytes are never changed: a torn last line or a damaged line is left in its file and the incident continues in
 * a new segment that starts with {@link EventPayload.JournalContinued}.
 */
public final class FileJournal implements Journal {

    /** The operator name on events the journal writes by itself (continuing after a torn line). */
    public static final String SYSTEM_OPERATOR = "incident-console";

    private final Path dir;
    private final Clock clock;
    private final Supplier<String> ids;
    private final EventCodec codec;
    private final String readOnlyReason;
    private final List<JournalListener> listeners = new CopyOnWriteArrayList<>();

    private final List<Event> events = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private JournalReader.Damage damage;
    /** The chain of the last event's line, which the next line chains to; and the incident id it is keyed with. */
    private String lastChain = "";
    private String incidentKey;
    private FileChannel channel;
    private int segmentNumber;
    private String failure;
    private boolean closed;

    private FileJournal(Path dir, Clock clock, Supplier<String> ids, EventCodec codec, String readOnlyReason) {
        this.dir = dir;
        this.clock = clock;
        this.ids = ids;
        this.codec = codec;
        this.readOnlyReason = readOnlyReason;
    }

    /** Opens (creating when absent) the journal in {@code dir} for writing, recovering from a torn last line. */
    public static FileJournal open(Path dir) {
        return open(dir, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public static FileJournal open(Path dir, Clock clock, Supplier<String> ids) {
        FileJournal journal = new FileJournal(dir, clock, ids, new EventCodec(), null);
        try {
            Files.createDirectories(dir);
            journal.load();
            journal.prepareForWriting();
        } catch (IOException e) {
            journal.close();
            throw new JournalException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
        return journal;
    }

    /**
     * Opens the journal for reading only; nothing in {@code dir} is changed. {@code reason} is shown to the
     * operator and returned by {@link #readOnlyReason()}.
     */
    public static FileJournal openReadOnly(Path dir, String reason) {
        FileJournal journal = new FileJournal(dir, Clock.systemUTC(), () -> UUID.randomUUID().toString(),
                new EventCodec(), reason);
        try {
            journal.load();
        } catch (IOException e) {
            throw new JournalException("cannot read the journal in " + dir + ": " + e.getMessage(), e);
        }
        return journal;
    }

    public Path directory() {
        return dir;
    }

    private void load() throws IOException {
        JournalReader.Result result = new JournalReader(codec).read(dir);
        events.clear();
        events.addAll(result.events());
        findings.clear();
        findings.addAll(result.findings());
        damage = result.damage();
        lastChain = result.lastChain();
        incidentKey = result.incidentKey();
        if (damage != null) {
            findings.add(damageFinding(damage));
        }
    }

    private Finding damageFinding(JournalReader.Damage found) {
        long lastGood = lastSeq();
        if (found.lastLineOfJournal() && found.reason().startsWith(JournalReader.DUPLICATE)) {
            return new Finding(Kind.TORN_TAIL, found.segment(), found.line(), "the last line is " + found.reason()
                    + "; the copy was ignored and everything before it kept (up to event " + lastGood + ")");
        }
        if (found.lastLineOfJournal()) {
            return new Finding(Kind.TORN_TAIL, found.segment(), found.line(), "the last line could not be read ("
                    + found.reason() + "), most likely cut off by a crash mid-write; it was dropped and everything "
                    + "before it kept (up to event " + lastGood + ")");
        }
        return new Finding(Kind.DAMAGED, found.segment(), found.line(), "damaged line: " + found.reason()
                + ". The file is kept as it is for inspection. The incident can continue from the last good event ("
                + lastGood + ")" + (found.readableAfter() > 0
                ? "; " + found.readableAfter() + " readable line(s) after the damage stay in that file only" : ""));
    }

    private void prepareForWriting() throws IOException {
        List<Path> segments = JournalReader.segments(dir);
        Path last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        segmentNumber = last == null ? 0 : JournalReader.segmentNumber(last);
        if (damage != null && damage.lastLineOfJournal()) {
            // A torn last line: leave it in its file and go on in a new segment that says so.
            startSegment(SYSTEM_OPERATOR, "torn last line dropped: " + damage.reason());
            return;
        }
        if (damage != null) {
            return; // the operator decides: continueFromLastGoodEvent
        }
        boolean endsCleanly = last == null || Files.size(last) == 0 || lastByte(last) == '\n';
        if (last == null || !endsCleanly) {
            openSegment(segmentNumber + 1);
        } else {
            channel = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    private static int lastByte(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            return in.read(one, in.size() - 1) == 1 ? one.get(0) : -1;
        }
    }

    private void openSegment(int number) throws IOException {
        if (channel != null) {
            channel.close();
        }
        Path segment = dir.resolve(JournalReader.segmentName(number));
        channel = FileChannel.open(segment, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        segmentNumber = number;
        syncDirectory();
    }

    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the file's own fsync still holds its data.
        }
    }

    private Event startSegment(String operator, String reason) throws IOException {
        JournalReader.Damage continued = damage;
        openSegment(segmentNumber + 1);
        damage = null;
        return write(operator, new EventPayload.JournalContinued(lastSeq(), continued.segment(), continued.line(),
                reason));
    }

    private long lastSeq() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    @Override
    public synchronized Event append(String operator, EventPayload payload) {
        if (readOnlyReason != null) {
            throw new JournalException("this incident is open read-only: " + readOnlyReason);
        }
        if (closed) {
            throw new JournalException("the journal is closed");
        }
        if (damage != null) {
            throw new JournalException("the journal is damaged at " + damage.segment() + " line " + damage.line()
                    + "; continue from the last good event first");
        }
        if (failure != null) {
            throw new JournalException("the journal stopped accepting events after a write failed (" + failure
                    + "); reopen the incident to recover");
        }
        try {
            return write(operator, payload);
        } catch (IOException e) {
            failure = e.getMessage();
            throw new JournalException("could not save to " + dir + ": " + e.getMessage()
                    + " — the action was NOT recorded", e);
        }
    }

    private Event write(String operator, EventPayload payload) throws IOException {
        Event event = new Event(ids.get(), lastSeq() + 1, clock.instant(), operator, payload);
        if (events.isEmpty() && payload instanceof EventPayload.IncidentStarted started) {
            incidentKey = started.incidentId();
        }
        byte[] bytes = codec.encode(event, lastChain, incidentKey);
        ByteBuffer line = ByteBuffer.wrap(bytes);
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(true);
        events.add(event);
        lastChain = codec.chainAt(bytes, 0, bytes.length - 1, lastChain, incidentKey)
                .map(EventCodec.ChainLink::written).orElse("");
        for (JournalListener listener : listeners) {
            notify(listener, event);
        }
        return event;
    }

    private static void notify(JournalListener listener, Event event) {
        try {
            listener.appended(event);
        } catch (RuntimeException e) {
            // The event is recorded whatever a listener does; report the listener's fault without undoing that.
            Thread current = Thread.currentThread();
            current.getUncaughtExceptionHandler().uncaughtException(current, e);
        }
    }

    @Override
    public synchronized Event continueFromLastGoodEvent(String operator) {
        if (readOnlyReason != null) {
            throw new JournalException("this incident is open read-only: " + readOnlyReason);
        }
        if (damage == null) {
            throw new JournalException("the journal has no damage to continue past");
        }
        try {
            Event event = startSegment(operator, "operator continued from the last good event after: "
                    + damage.reason());
            findings.removeIf(f -> f.kind() == Kind.DAMAGED);
            return event;
        } catch (IOException e) {
            throw new JournalException("could not start a new journal segment in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Read-only journals: re-reads the folder and reports events another console appended since. Returns how
     * many new events there were.
     */
    @Override
    public synchronized int refresh() {
        if (readOnlyReason == null) {
            return 0;
        }
        List<Event> before = List.copyOf(events);
        try {
            load();
        } catch (IOException e) {
            throw new JournalException("cannot re-read the journal in " + dir + ": " + e.getMessage(), e);
        }
        boolean grew = events.size() >= before.size()
                && (before.isEmpty() || events.get(before.size() - 1).id().equals(before.get(before.size() - 1).id()));
        if (!grew) {
            List<Event> all = List.copyOf(events);
            listeners.forEach(l -> l.reloaded(all));
            return all.size();
        }
        List<Event> added = List.copyOf(events.subList(before.size(), events.size()));
        for (Event event : added) {
            listeners.forEach(l -> notify(l, event));
        }
        return added.size();
    }

    @Override
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized RecoveryReport recovery() {
        return new RecoveryReport(findings, lastSeq());
    }

    @Override
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    @Override
    public Subscription subscribe(JournalListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Every event was forced to disk when appended; nothing is lost by a failed close.
            }
            channel = null;
        }
    }
}
