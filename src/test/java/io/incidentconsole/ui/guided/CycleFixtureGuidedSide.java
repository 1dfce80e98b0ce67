package io.incidentconsole.ui.guided;

import io.incidentconsole.ui.board.CycleFixtureBoardSide;

/** Test fixture, never in the main code: half of a ui.board ↔ ui.guided cycle that ArchitectureRulesTest must catch. */
public final class CycleFixtureGuidedSide {

    public CycleFixtureBoardSide board;
}
