package io.incidentconsole.ui.common;

import io.incidentconsole.plan.outline.OutlineSection;

import java.util.EnumSet;
import java.util.Set;

/** The console's areas, in navigation order; Ctrl+1 … Ctrl+7 select them. */
public enum ConsoleArea {
    OVERVIEW("Overview", EnumSet.allOf(OutlineSection.Area.class)),
    PHASE_BOARD("Phase board", EnumSet.of(OutlineSection.Area.PHASES)),
    TESTS("Tests", EnumSet.of(OutlineSection.Area.TESTS)),
    ROLLBACK("Rollback", EnumSet.of(OutlineSection.Area.ROLLBACK)),
    METRICS("Metrics", EnumSet.of(OutlineSection.Area.METRICS)),
    TIMELINE("Timeline", EnumSet.of(OutlineSection.Area.TIMELINE)),
    GUIDED("Guided mode", EnumSet.of(OutlineSection.Area.PHASES));

    private final String title;
    private final Set<OutlineSection.Area> sections;

    ConsoleArea(String title, Set<OutlineSection.Area> sections) {
        this.title = title;
        this.sections = sections;
    }

    public String title() {
        return title;
    }

    /** Which sections of the readable plan this area shows. */
    public boolean shows(OutlineSection section) {
        return sections.contains(section.area());
    }

    /** "Ctrl+3". */
    public String shortcut() {
        return "Ctrl+" + (ordinal() + 1);
    }
}
