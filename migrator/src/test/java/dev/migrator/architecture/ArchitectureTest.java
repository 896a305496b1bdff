package dev.migrator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of the README's architecture section, checked on the compiled classes: the layers
 * support < model/transform < aws < engine < store.* < run < cli, no cycles anywhere, stores plugged in
 * only through run.Stores.
 */
@AnalyzeClasses(packages = "dev.migrator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The layers of the README's diagram: each imports only layers below it. */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("dev.migrator.cli..")
            .layer("demo").definedBy("dev.migrator.demo..", "dev.migrator.local..", "dev.migrator.template..")
            .layer("run").definedBy("dev.migrator.run..")
            .layer("stores").definedBy("dev.migrator.store..")
            .layer("engine").definedBy("dev.migrator.engine..")
            .layer("aws").definedBy("dev.migrator.aws..")
            .layer("schema").definedBy("dev.migrator.schema..")
            .layer("model").definedBy("dev.migrator.model..", "dev.migrator.transform..")
            .layer("support").definedBy("dev.migrator.support..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("demo").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("run").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("stores").mayOnlyBeAccessedByLayers("run")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("stores", "run", "cli")
            .whereLayer("aws").mayOnlyBeAccessedByLayers("engine", "stores", "run", "cli")
            .whereLayer("schema").mayOnlyBeAccessedByLayers("run", "cli")
            .whereLayer("model").mayOnlyBeAccessedByLayers("schema", "aws", "engine", "stores", "run", "cli");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.migrator.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule cliImportsNoStore = noClasses().that().resideInAPackage("dev.migrator.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.migrator.store..");

    @ArchTest
    static final ArchRule awsImportsNoStoreNorEngine = noClasses().that().resideInAPackage("dev.migrator.aws..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.migrator.store..", "dev.migrator.engine..", "dev.migrator.run..");

    @ArchTest
    static final ArchRule engineKnowsNoStore = noClasses().that().resideInAPackage("dev.migrator.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.migrator.store..", "dev.migrator.run..", "dev.migrator.cli..");

    @ArchTest
    static final ArchRule supportIsTheBottom = classes().that().resideInAPackage("dev.migrator.support..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.migrator.engine..", "dev.migrator.store..",
                    "dev.migrator.run..", "dev.migrator.cli..", "dev.migrator.aws..", "dev.migrator.model..", "dev.migrator.schema..",
                    "dev.migrator.transform..");

    @ArchTest
    static final ArchRule storesAreIndependent = slices().matching("dev.migrator.store.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule onlyTheRegistryNamesStores = noClasses().that().resideInAPackage("dev.migrator.run..")
            .and().doNotHaveSimpleName("Stores")
            .should().dependOnClassesThat().resideInAPackage("dev.migrator.store..");

    @ArchTest
    static final ArchRule demoDoesNotCallTheCli = noClasses().that().resideInAPackage("dev.migrator.demo..")
            .should().dependOnClassesThat().resideInAPackage("dev.migrator.cli..");
}
