package io.incidentconsole.ui.board;

import io.incidentconsole.ui.guided.CycleFixtureGuidedSide;

/** Test fixture, never in the main code: half of a ui.board ↔ ui.guided cycle that ArchitectureRulesTest must catch. */
public final class CycleFixtureBoardSide {

    public CycleFixtureGuidedSide guided;
}
