package io.incidentconsole.incident;

import io.incidentconsole.incident.storage.FileJournal;
import io.incidentconsole.ui.board.CycleFixtureBoardSide;

/**
 * Test fixture, never in the main code: the domain using the UI, and the incident package using its file storage,
 * which ArchitectureRulesTest must catch.
 */
public final class LayerFixtureDomainSide {

    public CycleFixtureBoardSide card;

    public FileJournal journal;
}
