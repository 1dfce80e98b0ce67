package io.incidentconsole.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays free of JavaFX, so it runs headless in the CLI and in plain unit tests. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.incidentconsole");

    @Test
    void onlyTheUiAndTheLauncherUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.incidentconsole.ui..", "io.incidentconsole.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the plan model, journal, commands, metrics and CLI must run without a display")
                .check(classes);
    }

    @Test
    void theDomainDoesNotReachIntoTheUi() {
        noClasses().that().resideOutsideOfPackages("io.incidentconsole.ui..", "io.incidentconsole.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.incidentconsole.ui..", "io.incidentconsole.app..")
                .check(classes);
    }

    @Test
    void thereIsSomethingToCheck() {
        // Guards the rules above against passing vacuously after a package rename.
        noClasses().that().resideInAPackage("io.incidentconsole.plan")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(false)
                .check(classes);
    }
}
