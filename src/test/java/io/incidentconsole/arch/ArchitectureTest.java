package io.incidentconsole.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules over the main code: the domain stays free of JavaFX and of its faces, and nothing cycles. */
class ArchitectureTest {

    // Imported once for the class: importing is the slow part.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ArchitectureRules.ROOT);

    @Test
    void onlyTheUiAndTheLauncherUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.incidentconsole.ui..", "io.incidentconsole.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the plan model, journal, commands, metrics and CLI must run without a display")
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotReachIntoTheUi() {
        noClasses().that().resideOutsideOfPackages("io.incidentconsole.ui..", "io.incidentconsole.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.incidentconsole.ui..", "io.incidentconsole.app..")
                .check(CLASSES);
    }

    @Test
    void appWiresCliAndUiOverTheDomain() {
        ArchitectureRules.LAYERS.check(CLASSES);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        ArchitectureRules.TOP_LEVEL_PACKAGES_WITHOUT_CYCLES.check(CLASSES);
    }

    @Test
    void uiFeaturesHaveNoCycles() {
        ArchitectureRules.UI_FEATURES_WITHOUT_CYCLES.check(CLASSES);
    }

    @Test
    void uiCommonUsesNoFeature() {
        ArchitectureRules.UI_COMMON_USES_NO_FEATURE.check(CLASSES);
    }

    @Test
    void theIncidentDomainDoesNotDependOnItsFileStorage() {
        ArchitectureRules.THE_FOLD_KNOWS_NO_FILES.check(CLASSES);
    }

    @Test
    void thereIsSomethingToCheck() {
        // Guards the rules above against passing vacuously after a package rename.
        noClasses().that().resideInAPackage("io.incidentconsole.plan")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
