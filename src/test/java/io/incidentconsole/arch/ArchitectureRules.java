package io.incidentconsole.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules, as objects, so the same rule that checks the code is shown to fail on a deliberate
 * violation (ArchitectureRulesTest).
 *
 * <p>{@code app} wires everything and nothing uses it; {@code cli} and {@code ui} are two faces over the domain and
 * never use each other; every other package is domain and uses neither face nor {@code app}.
 */
final class ArchitectureRules {

    static final String ROOT = "io.incidentconsole";
    private static final String APP = ROOT + ".app..";
    private static final String CLI = ROOT + ".cli..";
    private static final String UI = ROOT + ".ui..";
    private static final String UI_COMMON = ROOT + ".ui.common..";

    private static final DescribedPredicate<JavaClass> DOMAIN = resideInAPackage(ROOT + "..")
            .and(DescribedPredicate.not(resideInAnyPackage(APP, CLI, UI)))
            .as("the domain (every package but app, cli and ui)");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("App").definedBy(APP)
            .layer("Cli").definedBy(CLI)
            .layer("Ui").definedBy(UI)
            .layer("Domain").definedBy(DOMAIN)
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("App", "Cli", "Ui")
            .because("app wires everything; the CLI and the UI are faces over a domain that knows neither");

    static final ArchRule TOP_LEVEL_PACKAGES_WITHOUT_CYCLES = slices().matching(ROOT + ".(*)..")
            .namingSlices("$1").should().beFreeOfCycles()
            .because("a cycle between top-level packages makes them one package in two folders");

    static final ArchRule UI_FEATURES_WITHOUT_CYCLES = slices().matching(ROOT + ".ui.(*)..")
            .namingSlices("ui.$1").should().beFreeOfCycles()
            .because("a feature of the UI is read, changed and tested on its own");

    static final ArchRule UI_COMMON_USES_NO_FEATURE = noClasses().that().resideInAPackage(UI_COMMON)
            .should().dependOnClassesThat(resideInAPackage(UI).and(DescribedPredicate.not(resideInAPackage(UI_COMMON)))
                    .as("a ui feature package"))
            .because("ui.common is what every feature may use, so it uses none of them");

    static final ArchRule THE_FOLD_KNOWS_NO_FILES = noClasses().that().resideInAPackage(ROOT + ".incident")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".incident.storage..")
            .because("the incident's state is folded from events wherever they are kept: a file, a team database, "
                    + "a test");

    private ArchitectureRules() {
    }
}
