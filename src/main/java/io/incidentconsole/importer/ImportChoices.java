package io.incidentconsole.importer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's choices for one document, by section heading: a section whose heading appears here is read as
 * the chosen kind whatever its shape. Kept per file between imports, as one line per section ({@code CHOICE\theading}).
 */
public record ImportChoices(Map<String, SectionChoice> byHeading) {

    public static final ImportChoices NONE = new ImportChoices(Map.of());

    public ImportChoices {
        byHeading = Map.copyOf(byHeading);
    }

    public SectionChoice of(String heading) {
        return byHeading.get(heading);
    }

    public boolean isEmpty() {
        return byHeading.isEmpty();
    }

    public ImportChoices with(String heading, SectionChoice choice) {
        Map<String, SectionChoice> next = new LinkedHashMap<>(byHeading);
        next.put(heading, choice);
        return new ImportChoices(next);
    }

    public String encode() {
        StringBuilder out = new StringBuilder();
        byHeading.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.append(e.getValue().name()).append('\t').append(e.getKey().replace('\n', ' ')).append('\n'));
        return out.toString();
    }

    /** Choices from {@link #encode()}'s text; lines it cannot read are skipped. */
    public static ImportChoices decode(String text) {
        Map<String, SectionChoice> map = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                SectionChoice choice = tab > 0 ? SectionChoice.parse(line.substring(0, tab)) : null;
                if (choice != null && tab + 1 < line.length()) {
                    map.put(line.substring(tab + 1), choice);
                }
            }
        }
        return new ImportChoices(map);
    }
}
