package io.incidentconsole.incident;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every event of an incident in order, described, filterable, and exportable as Markdown. */
public final class Timeline {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String title;
    private final List<TimelineEntry> entries;

    public Timeline(IncidentState state) {
        this.title = state.started().map(StartRecord::planTitle).orElse(state.plan().plan().title());
        EventDescriber describer = new EventDescriber(state.plan(), state.events());
        List<TimelineEntry> all = new ArrayList<>(state.events().size());
        for (Event event : state.events()) {
            all.add(new TimelineEntry(event, event.kind(), describer.phasesOf(event.payload()),
                    describer.describe(event.payload()) + state.ignoredBecause(event.id()).map(r -> " — " + r).orElse("")
                            + unverified(state, event),
                    state.isUndone(event.id())));
        }
        this.entries = List.copyOf(all);
    }

    /** " — COMPLETE (unverified)" on the completion that stands, when it was not verified. */
    private static String unverified(IncidentState state, Event event) {
        if (!(event.payload() instanceof EventPayload.PhaseCompleted p) || !state.phases().containsKey(p.phaseId())) {
            return "";
        }
        boolean standing = state.completion(p.phaseId()).filter(c -> c.eventId().equals(event.id())).isPresent();
        return standing && !state.phase(p.phaseId()).verified() ? " — COMPLETE (unverified)" : "";
    }

    public List<TimelineEntry> entries() {
        return entries;
    }

    public List<TimelineEntry> filter(TimelineFilter filter) {
        return entries.stream().filter(filter::matches).toList();
    }

    /** The kinds present, for a filter's choices. */
    public Set<String> kinds() {
        Set<String> kinds = new TreeSet<>();
        entries.forEach(e -> kinds.add(e.kind()));
        return kinds;
    }

    /** One line per entry: "#12 2026-11-27 08:10:22 UTC ana TaskTicked: Ticked task …". */
    public static String line(TimelineEntry entry) {
        Event event = entry.event();
        return "#" + event.seq() + " " + TIME.format(event.at()) + " " + event.operator() + " " + entry.kind() + ": "
                + entry.summary() + (entry.undone() ? " [undone]" : "");
    }

    /** A Markdown document of the entries the filter keeps, as a table. */
    public String toMarkdown(TimelineFilter filter) {
        return toMarkdown(filter, List.of());
    }

    /** As {@link #toMarkdown(TimelineFilter)}, led by the journal's warnings (see {@link Incident#warningLines()}). */
    public String toMarkdown(TimelineFilter filter, List<String> warnings) {
        StringBuilder out = new StringBuilder();
        warnings.forEach(warning -> out.append("> **Warning:** ").append(warning).append("\n\n"));
        out.append("# Incident timeline: ").append(escape(title)).append("\n\n");
        List<TimelineEntry> shown = filter(filter);
        out.append(shown.size()).append(shown.size() == 1 ? " event" : " events");
        if (!filter.equals(TimelineFilter.ALL)) {
            out.append(" (filtered");
            if (!filter.kinds().isEmpty()) {
                out.append("; kinds: ").append(String.join(", ", new TreeSet<>(filter.kinds())));
            }
            if (!filter.phaseIds().isEmpty()) {
                out.append("; phases: ").append(String.join(", ", new TreeSet<>(filter.phaseIds())));
            }
            if (!filter.text().isEmpty()) {
                out.append("; text: “").append(escape(filter.text())).append("”");
            }
            out.append(')');
        }
        out.append("\n\n| # | Time (UTC) | Operator | Kind | What happened |\n|---:|---|---|---|---|\n");
        for (TimelineEntry entry : shown) {
            Event event = entry.event();
            String what = escape(entry.summary());
            out.append("| ").append(event.seq())
                    .append(" | ").append(TIME.format(event.at()).replace(" UTC", ""))
                    .append(" | ").append(escape(event.operator()))
                    .append(" | ").append(entry.kind())
                    .append(" | ").append(entry.undone() ? "~~" + what + "~~ (undone)" : what)
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Keeps a cell on one line and stops text from being read as table syntax. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ')
                .replace('\r', ' ');
    }
}
