package io.incidentconsole.team;

import io.incidentconsole.plan.CycleFixturePlanSide;

/** Test fixture, never in the main code: half of a plan ↔ team cycle that ArchitectureRulesTest must catch. */
public final class CycleFixtureTeamSide {

    public CycleFixturePlanSide plan;
}
