package io.incidentconsole.ui.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG AA for every colour pair the stylesheets use, read from the palettes themselves: 4.5:1 for text, 3:1 for
 * controls, chart lines and the focus ring. Every colour a stylesheet uses as a text fill must be in the table
 * below, so a new text colour cannot slip past the check.
 */
class ContrastTest {

    private static final Path STYLES = Path.of("styles");
    private static final Pattern VARIABLE = Pattern.compile("(-(?:ic|fx)-[\\w-]+):\\s*([^;]+);");
    private static final Pattern TEXT_FILL = Pattern.compile("-fx-(?:text-fill|fill|prompt-text-fill):\\s*(-ic-[\\w-]+)");

    /** The surfaces text sits on: the window, cards, raised parts, text fields and buttons. */
    private static final List<String> SURFACES = List.of("-ic-bg", "-ic-surface", "-ic-surface-raised",
            "-fx-control-inner-background", "-fx-base");
    private static final List<String> TEXT = List.of("-ic-text", "-ic-text-muted", "-ic-text-disabled", "-ic-accent",
            "-ic-pending", "-ic-in-progress", "-ic-complete", "-ic-eval", "-ic-blocked", "-ic-inline-code");
    /** Drawn lines and marks (charts, the focus ring): 3:1 against the card they are drawn on. */
    private static final List<String> GRAPHICS = List.of("-ic-chart-series", "-ic-chart-baseline", "-ic-chart-target",
            "-ic-chart-threshold", "-ic-chart-marker", "-ic-chart-stale", "-fx-focus-color");
    private static final List<String> FOCUS_RING_BACKGROUNDS = List.of("-ic-bg", "-ic-surface", "-ic-surface-raised",
            "-fx-control-inner-background", "-fx-base", "-ic-code-bg", "-fx-selection-bar", "-fx-default-button");
    private static final List<String> BADGES = List.of("-ic-pending", "-ic-in-progress", "-ic-complete", "-ic-eval",
            "-ic-blocked");
    /**
     * Text colours used only on their own background, checked as such: code on the code background; chart labels
     * are drawn with their line's colour on the chart card.
     */
    private static final Map<String, String> ON_OWN_BACKGROUND = Map.of(
            "-ic-code-text", "-ic-code-bg", "-ic-chart-marker", "-ic-surface", "-ic-chart-target", "-ic-surface",
            "-ic-chart-threshold", "-ic-surface", "-ic-chart-baseline", "-ic-surface", "-ic-chart-stale", "-ic-surface",
            "-ic-on-badge", "-ic-blocked", "-ic-on-drill", "-ic-drill-band", "-ic-drill-band", "-ic-on-drill");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"palette-dark.css", "palette-light.css"})
    void everyTextAndControlColourMeetsWcagAa(String palette) throws IOException {
        Map<String, String> colours = palette(STYLES.resolve(palette));
        List<String> failures = new ArrayList<>();
        for (String text : TEXT) {
            for (String surface : SURFACES) {
                check(colours, text, surface, 4.5, failures);
            }
            check(colours, text, "-ic-code-bg", 4.5, failures);
        }
        check(colours, "-ic-code-text", "-ic-code-bg", 4.5, failures);
        check(colours, "-ic-text", "-fx-default-button", 4.5, failures);
        for (String badge : BADGES) {
            check(colours, "-ic-on-badge", badge, 4.5, failures);
        }
        for (String line : GRAPHICS) {
            for (String surface : List.of("-ic-bg", "-ic-surface", "-ic-surface-raised")) {
                check(colours, line, surface, 3.0, failures);
            }
        }
        assertThat(failures).as("colour pairs below WCAG AA in %s", palette).isEmpty();
    }

    /**
     * The focus ring is drawn round the focused control, on whatever it sits on or fills: the window and cards, a
     * field, a button, the code panes (script preview, console), a selected row and the default button.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"palette-dark.css", "palette-light.css"})
    void theFocusRingStandsOutOnEveryBackgroundItIsDrawnOn(String palette) throws IOException {
        Map<String, String> colours = palette(STYLES.resolve(palette));
        List<String> failures = new ArrayList<>();
        for (String background : FOCUS_RING_BACKGROUNDS) {
            check(colours, "-fx-focus-color", background, 3.0, failures);
        }
        assertThat(failures).as("focus ring below 3:1 in %s", palette).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"palette-dark.css", "palette-light.css"})
    void chartLabelsDrawnInTheirLinesColourAreReadableText(String palette) throws IOException {
        Map<String, String> colours = palette(STYLES.resolve(palette));
        List<String> failures = new ArrayList<>();
        ON_OWN_BACKGROUND.forEach((text, background) -> check(colours, text, background, 4.5, failures));
        assertThat(failures).as("label colours below 4.5:1 in %s", palette).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"palette-dark.css", "palette-light.css"})
    void everyTextColourTheStylesheetsUseIsChecked(String palette) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(STYLES)) {
            for (Path css : files.filter(f -> f.toString().endsWith(".css")).toList()) {
                Matcher m = TEXT_FILL.matcher(Files.readString(css));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("text colours in the stylesheets").isNotEmpty();
        Set<String> checked = new TreeSet<>(TEXT);
        checked.addAll(ON_OWN_BACKGROUND.keySet());
        checked.addAll(GRAPHICS);
        // Grid lines are decoration behind the data, not information: WCAG sets them no minimum.
        checked.add("-ic-chart-grid");
        assertThat(checked).as("every text colour used is in the contrast table").containsAll(used);
        Map<String, String> colours = palette(STYLES.resolve(palette));
        assertThat(colours.keySet()).as("%s defines every checked colour", palette).containsAll(checked);
    }

    /** The palette's variables, resolved to #rrggbb (a variable may name another). */
    static Map<String, String> palette(Path file) throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(Files.readString(file));
        while (m.find()) {
            raw.put(m.group(1), m.group(2).strip());
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            String v = value;
            for (int hops = 0; hops < 5 && raw.containsKey(v); hops++) {
                v = raw.get(v);
            }
            if (v.matches("#[0-9a-fA-F]{6}")) {
                resolved.put(name, v);
            }
        });
        return resolved;
    }

    private static void check(Map<String, String> colours, String fg, String bg, double minimum, List<String> failures) {
        assertThat(colours).as("palette colours").containsKeys(fg, bg);
        double ratio = ratio(colours.get(fg), colours.get(bg));
        if (ratio < minimum) {
            failures.add(String.format(Locale.ROOT, "%s %s on %s %s: %.2f:1 (needs %.1f:1)", fg,
                    colours.get(fg), bg, colours.get(bg), ratio, minimum));
        }
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1, 7), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
