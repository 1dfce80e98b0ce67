package io.incidentconsole.incident;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class NoJavaFxInTheDomainTest {

    @Test
    void theIncidentPackageDoesNotDependOnJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.incidentconsole.incident");
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }
}
