package io.incidentconsole.incident;

import io.incidentconsole.ui.board.CycleFixtureBoardSide;

/** Test fixture, never in the main code: the domain using the UI, which ArchitectureRulesTest must catch. */
public final class LayerFixtureDomainSide {

    public CycleFixtureBoardSide card;
}
