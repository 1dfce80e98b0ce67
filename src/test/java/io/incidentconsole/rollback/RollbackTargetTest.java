package io.incidentconsole.rollback;

import io.incidentconsole.plan.Plan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackTargetTest {

    private final Plan plan = Fixtures.seedRunbooks();

    @Test
    void aProcedureIdOrASingleProcedureRunbookIdResolves() {
        assertThat(RollbackTarget.resolve(plan, "rb330-phase2").target()).hasValueSatisfying(t -> {
            assertThat(t.runbook().id()).isEqualTo("rb330");
            assertThat(t.procedure().id()).isEqualTo("rb330-phase2");
        });
        assertThat(RollbackTarget.resolve(plan, "rb324").target().orElseThrow().procedure().id())
                .isEqualTo("rb324-code");
    }

    @Test
    void aRunbookWithSeveralProceduresAsksForOne() {
        RollbackTarget.Resolution resolution = RollbackTarget.resolve(plan, "rb330");

        assertThat(resolution.found()).isFalse();
        assertThat(resolution.error()).isEqualTo("""
                runbook 'rb330' has 2 procedures; name one of them:
                  rb330-phase1  (If Phase 1 Causes Issues)
                  rb330-phase2  (If Phase 2 (Package Update) Causes Issues)""");
    }

    @Test
    void anUnknownIdListsTheKnownOnes() {
        assertThat(RollbackTarget.resolve(plan, "rb999").error()).isEqualTo("""
                no runbook or procedure 'rb999' in the plan; known ids:
                  rb330  (#330 Rollback Strategy)
                    rb330-phase1  (If Phase 1 Causes Issues)
                    rb330-phase2  (If Phase 2 (Package Update) Causes Issues)
                  rb324  (#324 Rollback Strategy)
                    rb324-code  (If Code Changes Cause Issues)""");
    }

    @Test
    void findsTheProceduresThatUndoAPhase() {
        assertThat(RollbackTarget.forPhase(plan, "p330-2")).extracting(t -> t.procedure().id())
                .containsExactly("rb330-phase2");
        assertThat(RollbackTarget.forPhase(plan, "p999")).isEmpty();
    }
}
