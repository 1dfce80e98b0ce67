package io.incidentconsole.incident;

import java.util.Locale;
import java.util.Set;

/**
 * Which timeline entries to show: of these kinds (empty: all), concerning these phases (empty: all), containing
 * this text in their summary, kind or operator, ignoring case (blank: any).
 */
public record TimelineFilter(Set<String> kinds, Set<String> phaseIds, String text) {

    public static final TimelineFilter ALL = new TimelineFilter(Set.of(), Set.of(), "");

    public TimelineFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        phaseIds = phaseIds == null ? Set.of() : Set.copyOf(phaseIds);
        text = text == null ? "" : text.strip();
    }

    public boolean matches(TimelineEntry entry) {
        if (!kinds.isEmpty() && !kinds.contains(entry.kind())) {
            return false;
        }
        if (!phaseIds.isEmpty() && entry.phaseIds().stream().noneMatch(phaseIds::contains)) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        return entry.summary().toLowerCase(Locale.ROOT).contains(needle)
                || entry.kind().toLowerCase(Locale.ROOT).contains(needle)
                || entry.event().operator().toLowerCase(Locale.ROOT).contains(needle);
    }
}
