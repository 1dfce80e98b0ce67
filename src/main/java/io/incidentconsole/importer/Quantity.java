package io.incidentconsole.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as plans write it: {@code 3.2M}, {@code 500K}, {@code <1 GB/day}, {@code ~2.8M}, {@code 68%},
 * {@code 1,200}. K/M/G count as thousand/million/billion only when attached to the number and not the start
 * of a unit ({@code 2 GB} is gigabytes).
 */
record Quantity(double value, String unit, String qualifier) {

    private static final Pattern NUMBER = Pattern.compile(
            "([<>~≈≤≥]=?)?\\s*\\$?([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)"
                    + "([KkMmGg](?![A-Za-z]))?\\s*(%|[A-Za-z][A-Za-z]*(?:/[A-Za-z]+)?|/[A-Za-z]+)?");

    static Quantity parse(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return null;
        }
        return of(m);
    }

    private static Quantity of(Matcher m) {
        double value;
        try {
            value = Double.parseDouble(m.group(2).replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        if (m.group(3) != null) {
            value *= switch (m.group(3).toUpperCase(Locale.ROOT)) {
                case "K" -> 1e3;
                case "M" -> 1e6;
                default -> 1e9;
            };
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        String unit = m.group(4);
        if (unit != null && unit.matches("(?i)x|to|and|or|per|from|in|at|on|of|the|a|an")) {
            unit = null;
        }
        String qualifier = m.group(1);
        return new Quantity(value, unit, qualifier);
    }

    /** Every number in the text, e.g. the thresholds of "alerts at 500K, 750K, 900K calls". */
    static List<Quantity> all(String text) {
        List<Quantity> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            Quantity q = of(m);
            if (q != null) {
                found.add(q);
            }
        }
        return found;
    }
}
