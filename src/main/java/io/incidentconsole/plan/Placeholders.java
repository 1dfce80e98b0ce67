package io.incidentconsole.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named placeholders in command templates: {@code {{commit}}}, and the seed's {@code <commit-hash>} style.
 */
public final class Placeholders {

    /** Group 1: a {{name}} placeholder; group 2: a &lt;name&gt; one. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*}}|<([A-Za-z][A-Za-z0-9_-]*)>");

    private Placeholders() {
    }

    public record Placeholder(String name, int start, int end) {
    }

    public static List<Placeholder> find(String template) {
        List<Placeholder> found = new ArrayList<>();
        if (template == null) {
            return found;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            found.add(new Placeholder(name, m.start(), m.end()));
        }
        return found;
    }

    public static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        find(template).forEach(p -> names.add(p.name()));
        return names;
    }
}
