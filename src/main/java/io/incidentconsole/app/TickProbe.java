package io.incidentconsole.app;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.ui.incident.IncidentSession;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports, for every event the console's incident takes in, when its journal append (fsync included) was done, when its
 * state was handed to the views and when the frame of the pulse after that was painted ({@link RenderedFrames}; where
 * JavaFX's tracker cannot be reached, {@link FirstFrame}'s "drawn"), for the tick-latency benchmark (bench/tick).
 * Off unless the system property {@value #PROPERTY} is {@code print}.
 * One line per event, wall-clock microseconds, so a harness can subtract its own clock from before the key press:
 * {@code tick seq=N kind=K appended-epoch-us=A shown-epoch-us=S drawn-epoch-us=D}.
 */
public final class TickProbe implements IncidentSession.Observer {

    public static final String PROPERTY = "incident-console.tick-probe";

    private static final Pattern LINE = Pattern.compile(
            "tick seq=(\\d+) kind=(\\S+) appended-epoch-us=(\\d+) shown-epoch-us=(\\d+) drawn-epoch-us=(\\d+)");

    /** One reported tick, as printed and parsed. */
    public record Report(long seq, String kind, long appendedMicros, long shownMicros, long drawnMicros) {

        public String line() {
            return "tick seq=" + seq + " kind=" + kind + " appended-epoch-us=" + appendedMicros
                    + " shown-epoch-us=" + shownMicros + " drawn-epoch-us=" + drawnMicros;
        }

        /** The report a probe line carries; empty for any other line (the console prints other things too). */
        public static Optional<Report> parse(String line) {
            Matcher matcher = LINE.matcher(line.strip());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Report(Long.parseLong(matcher.group(1)), matcher.group(2),
                        Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)),
                        Long.parseLong(matcher.group(5))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // more digits than a long holds: not a line this probe printed
            }
        }
    }

    /** What a recorded event is waiting for: its state in the views. */
    private record Pending(String kind, long appendedMicros) {
    }

    private final PrintStream out;
    private final ConcurrentSkipListMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
    private final FrameWatch frames;

    /** Runs an action once the frame showing what the scene holds now has been drawn. */
    interface FrameWatch {
        void then(Runnable action);
    }

    TickProbe(PrintStream out, FrameWatch frames) {
        this.out = out;
        this.frames = frames;
    }

    /** The probe the property asks for; empty when unset, or (with a line on {@code err}) when its value is unknown. */
    public static Optional<TickProbe> fromProperty(String value, PrintStream out, PrintStream err) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.trim().toLowerCase(Locale.ROOT).equals("print")) {
            return Optional.of(new TickProbe(out, new RenderedFrames()));
        }
        err.println("-D" + PROPERTY + "=" + value + ": expected print; tick probe off");
        return Optional.empty();
    }

    @Override
    public void durable(IncidentState state) {
        long now = nowMicros();
        List<Event> events = state.events();
        if (!events.isEmpty()) {
            Event newest = events.get(events.size() - 1);
            pending.put(newest.seq(), new Pending(newest.payload().getClass().getSimpleName(), now));
        }
    }

    @Override
    public void stateShown(IncidentState state) {
        long shown = nowMicros();
        List<Event> events = state.events();
        if (events.isEmpty() || pending.isEmpty()) {
            return;
        }
        long newest = events.get(events.size() - 1).seq();
        List<Report> shownNow = new ArrayList<>();
        for (Map.Entry<Long, Pending> entry : pending.headMap(newest, true).entrySet()) {
            shownNow.add(new Report(entry.getKey(), entry.getValue().kind(), entry.getValue().appendedMicros(), shown,
                    0));
            pending.remove(entry.getKey());
        }
        if (shownNow.isEmpty()) {
            return;
        }
        frames.then(() -> {
            long drawn = nowMicros();
            for (Report report : shownNow) {
                out.println(new Report(report.seq(), report.kind(), report.appendedMicros(), report.shownMicros(),
                        drawn).line());
            }
            out.flush();
        });
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
