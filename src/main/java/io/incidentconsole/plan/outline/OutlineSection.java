package io.incidentconsole.plan.outline;

import java.util.List;

/** One titled part of the readable plan, tagged with the console area it belongs to. */
public record OutlineSection(String id, String title, Area area, List<Block> blocks) {

    public OutlineSection {
        blocks = List.copyOf(blocks);
    }

    /** The console's areas; the overview shows every section, each area its own. */
    public enum Area {
        OVERVIEW, PHASES, TESTS, ROLLBACK, METRICS, TIMELINE
    }
}
