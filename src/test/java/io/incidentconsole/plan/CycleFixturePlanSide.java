package io.incidentconsole.plan;

import io.incidentconsole.team.CycleFixtureTeamSide;

/** Test fixture, never in the main code: half of a plan ↔ team cycle that ArchitectureRulesTest must catch. */
public final class CycleFixturePlanSide {

    public CycleFixtureTeamSide team;
}
