package io.incidentconsole.ui.common;

import javafx.scene.Scene;

import java.util.List;
import java.util.stream.Stream;

/** Dark by default (operators at night); light for daylight and projectors. */
public enum Theme {
    DARK("/styles/palette-dark.css"),
    LIGHT("/styles/palette-light.css");

    private static final List<String> FEATURE_STYLES = List.of("/styles/console.css", "/styles/outline.css", "/styles/board.css",
            "/styles/timeline.css", "/styles/rollback.css", "/styles/metrics.css", "/styles/tests.css",
            "/styles/guided.css", "/styles/reports.css", "/styles/team.css", "/styles/steps.css",
            "/styles/handoff.css", "/styles/now.css", "/styles/drill.css");

    private final String palette;

    Theme(String palette) {
        this.palette = palette;
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** The palette first (it defines the colour names), then the console frame's file, then the other features'. */
    public List<String> stylesheets() {
        return Stream.concat(Stream.of(palette), FEATURE_STYLES.stream())
                .map(path -> Theme.class.getResource(path).toExternalForm())
                .toList();
    }

    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }

    public static Theme parse(String name) {
        for (Theme theme : values()) {
            if (theme.name().equalsIgnoreCase(name)) {
                return theme;
            }
        }
        return DARK;
    }
}
