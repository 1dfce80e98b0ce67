package io.incidentconsole.ui.common;

import io.incidentconsole.ui.board.CycleFixtureBoardSide;

/** Test fixture, never in the main code: ui.common using a feature, which ArchitectureRulesTest must catch. */
public final class CycleFixtureCommonSide {

    public CycleFixtureBoardSide card;
}
