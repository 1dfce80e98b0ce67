package io.incidentconsole.app;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TickProbeTest {

    private final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final List<Event> events = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Runnable> frames = new ArrayList<>();
    private final TickProbe probe = new TickProbe(new PrintStream(out, true, StandardCharsets.UTF_8), frames::add);

    private Event event(EventPayload payload) {
        Event event = new Event("e" + (events.size() + 1), events.size() + 1,
                Instant.parse("2026-01-29T10:00:00Z").plusSeconds(events.size()), "ana", payload);
        events.add(event);
        return event;
    }

    private List<TickProbe.Report> printed() {
        return out.toString(StandardCharsets.UTF_8).lines().map(TickProbe.Report::parse)
                .flatMap(Optional::stream).toList();
    }

    @Test
    void reportsARecordedEventOnlyOnceTheFrameAfterItsStateIsDrawn() {
        event(new EventPayload.IncidentStarted("i1", "plan", "sha"));
        event(new EventPayload.TaskTicked("p330-1", "t1"));
        probe.durable(IncidentState.replay(plan, events));
        assertThat(frames).isEmpty();

        probe.stateShown(IncidentState.replay(plan, events));
        assertThat(frames).hasSize(1);
        assertThat(printed()).isEmpty(); // not drawn yet

        frames.get(0).run();
        assertThat(printed()).singleElement().satisfies(report -> {
            assertThat(report.seq()).isEqualTo(2);
            assertThat(report.kind()).isEqualTo("TaskTicked");
            assertThat(report.appendedMicros()).isPositive().isLessThanOrEqualTo(report.shownMicros());
            assertThat(report.shownMicros()).isLessThanOrEqualTo(report.drawnMicros());
        });
    }

    @Test
    void aStateThatDoesNotYetHoldTheEventWaitsForOneThatDoes() {
        event(new EventPayload.IncidentStarted("i1", "plan", "sha"));
        IncidentState before = IncidentState.replay(plan, events);
        event(new EventPayload.NoteAdded(null, "a note"));
        probe.durable(IncidentState.replay(plan, events));

        probe.stateShown(before); // an event from elsewhere, or the state of a previous tick
        assertThat(frames).isEmpty();

        probe.stateShown(IncidentState.replay(plan, events));
        frames.forEach(Runnable::run);
        assertThat(printed()).extracting(TickProbe.Report::seq).containsExactly(2L);

        probe.stateShown(IncidentState.replay(plan, events)); // reported once only
        assertThat(frames).hasSize(1);
    }

    @Test
    void readsOnlyItsOwnLines() {
        assertThat(TickProbe.Report.parse("tick seq=7 kind=TestResultSet appended-epoch-us=10 shown-epoch-us=11"
                + " drawn-epoch-us=12")).contains(new TickProbe.Report(7, "TestResultSet", 10, 11, 12));
        assertThat(TickProbe.Report.parse("startup-mark shown epoch-ms=12")).isEmpty();
        assertThat(TickProbe.Report.parse("tick seq=x kind=A appended-epoch-us=1 shown-epoch-us=1 drawn-epoch-us=1"))
                .isEmpty();
        assertThat(TickProbe.Report.parse("tick seq=99999999999999999999 kind=A appended-epoch-us=1"
                + " shown-epoch-us=1 drawn-epoch-us=1")).isEmpty();
    }

    @Property
    void everyLineReadsBackAsPrinted(@ForAll @LongRange(min = 0) long seq,
                                     @ForAll @AlphaChars @StringLength(min = 1, max = 30) String kind,
                                     @ForAll @LongRange(min = 0) long appended, @ForAll @LongRange(min = 0) long shown,
                                     @ForAll @LongRange(min = 0) long drawn) {
        TickProbe.Report report = new TickProbe.Report(seq, kind, appended, shown, drawn);
        assertThat(TickProbe.Report.parse(report.line())).contains(report);
    }

    @Test
    void theProbeIsOffUnlessAskedForAndSaysSoWhenMistyped() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(TickProbe.fromProperty(null, System.out, errStream)).isEmpty();
        assertThat(TickProbe.fromProperty("prnt", System.out, errStream)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("-Dincident-console.tick-probe=prnt: expected print");
        assertThat(TickProbe.fromProperty(" PRINT ", System.out, errStream)).isPresent();
    }
}
