package io.incidentconsole.metrics;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class MetricsArchitectureTest {

    // Imported once for the class: importing is the slow part.
    private static final JavaClasses METRICS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.incidentconsole.metrics");

    @Test
    void theMetricsDomainDoesNotTouchTheUiToolkit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.incidentconsole.ui..",
                "io.incidentconsole.app..").check(METRICS);
    }

    @Test
    void sourcesNeverLogOrPrint() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j..")
                .because("the bearer token must never reach a log; problems travel through the SampleSink")
                .check(METRICS);
    }
}
