package io.incidentconsole.rollback;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled plan's runbooks generate the seed's commands, with the values the seed names. */
class BundledSeedRunbooksTest {

    private final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final ScriptGenerator generator = new ScriptGenerator();

    private List<String> commands(String procedureId, Map<String, String> known) throws Exception {
        RollbackTarget target = RollbackTarget.resolve(plan, procedureId).target().orElseThrow();
        RollbackForm form = RollbackForm.open(target.runbook(), target.procedure(), known);
        assertThat(form.canGenerate()).as(procedureId + ": " + form.problems()).isTrue();
        String text = generator.generate(Fixtures.CONTEXT, form, ScriptMode.EXECUTE).text();
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.equals("set -euo pipefail")).toList();
    }

    @Test
    void everySeedRollbackCommandIsGenerated() throws Exception {
        assertThat(commands("rb330-phase1", Map.of("commit", "a1b2c3d")))
                .containsExactly("git revert 'a1b2c3d'", "npx convex deploy");
        assertThat(commands("rb330-phase2", Map.of()))
                .containsExactly("git checkout HEAD~1 package.json package-lock.json", "npm install", "npx convex deploy");
        assertThat(commands("rb324-code", Map.of("commit", "0123456789abcdef")))
                .containsExactly("git revert '0123456789abcdef'", "npx convex deploy");
    }

    @Test
    void theDowngradeToTheKnownWorkingVersionsIsOfferedAsTheAlternative() throws Exception {
        RollbackTarget target = RollbackTarget.resolve(plan, "rb330-phase2").target().orElseThrow();
        String text = generator.generate(Fixtures.CONTEXT,
                RollbackForm.open(target.runbook(), target.procedure(), Map.of()), ScriptMode.EXECUTE).text();
        assertThat(text).contains("# npm install 'better-auth@1.3.34' '@convex-dev/better-auth@0.9.11'");
    }

    @Test
    void theCommitRecordedAtADeployStepIsWhatTheRollbackNeeds() {
        assertThat(plan.phase("p330-1").orElseThrow().guidedSteps())
                .anySatisfy(step -> assertThat(step.records()).anySatisfy(p -> assertThat(p.name()).isEqualTo("commit")));
        assertThat(plan.runbook("rb330").orElseThrow().parameter("commit")).isPresent();
    }
}
