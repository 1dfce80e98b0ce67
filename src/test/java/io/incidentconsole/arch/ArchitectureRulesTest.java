package io.incidentconsole.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.incidentconsole.incident.LayerFixtureDomainSide;
import io.incidentconsole.incident.storage.FileJournal;
import io.incidentconsole.plan.CycleFixturePlanSide;
import io.incidentconsole.team.CycleFixtureTeamSide;
import io.incidentconsole.ui.board.CycleFixtureBoardSide;
import io.incidentconsole.ui.common.CycleFixtureCommonSide;
import io.incidentconsole.ui.guided.CycleFixtureGuidedSide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules that guard the main code fail on deliberate violations: test-only classes placed in the real packages
 * and analysed by the very same rule objects. A rule that cannot fail guards nothing.
 */
class ArchitectureRulesTest {

    @Test
    void anImportFromPlanToTeamThatClosesACycleFails() {
        JavaClasses cycle = new ClassFileImporter().importClasses(CycleFixturePlanSide.class, CycleFixtureTeamSide.class);

        assertThatThrownBy(() -> ArchitectureRules.TOP_LEVEL_PACKAGES_WITHOUT_CYCLES.check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: plan -> ")
                .hasMessageContaining("Field <" + CycleFixturePlanSide.class.getName() + ".team> has type <"
                        + CycleFixtureTeamSide.class.getName() + ">");
    }

    @Test
    void twoUiFeaturesUsingEachOtherFail() {
        JavaClasses cycle = new ClassFileImporter()
                .importClasses(CycleFixtureBoardSide.class, CycleFixtureGuidedSide.class);

        assertThatThrownBy(() -> ArchitectureRules.UI_FEATURES_WITHOUT_CYCLES.check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: ui.board -> ")
                .hasMessageContaining("Dependencies of ui.guided");
    }

    @Test
    void uiCommonUsingAFeatureFails() {
        JavaClasses classes = new ClassFileImporter()
                .importClasses(CycleFixtureCommonSide.class, CycleFixtureBoardSide.class);

        assertThatThrownBy(() -> ArchitectureRules.UI_COMMON_USES_NO_FEATURE.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(CycleFixtureCommonSide.class.getName())
                .hasMessageContaining(CycleFixtureBoardSide.class.getName());
    }

    @Test
    void theFoldReachingForTheJournalFileFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(LayerFixtureDomainSide.class, FileJournal.class);

        assertThatThrownBy(() -> ArchitectureRules.THE_FOLD_KNOWS_NO_FILES.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Field <" + LayerFixtureDomainSide.class.getName() + ".journal> has type <"
                        + FileJournal.class.getName() + ">");
    }

    @Test
    void theDomainUsingTheUiFails() {
        JavaClasses classes = new ClassFileImporter()
                .importClasses(LayerFixtureDomainSide.class, CycleFixtureBoardSide.class);

        assertThatThrownBy(() -> ArchitectureRules.LAYERS.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Field <" + LayerFixtureDomainSide.class.getName() + ".card> has type <"
                        + CycleFixtureBoardSide.class.getName() + ">");
    }
}
