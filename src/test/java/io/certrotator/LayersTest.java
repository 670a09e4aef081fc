package io.certrotator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;


/**
 * Every import points down the layers (docs/CONTRACT.md and README "How the code is laid out"):
 * cli -> job -> engine -> plan -> estate -> results -> edgeone -> input -> certs. Nothing but cli (and tests)
 * touches the simulator, so the product never depends on its stand-in for the API.
 */
class LayersTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.certrotator");

    @Test
    void everyImportPointsDownTheLayers() {
        Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("application").definedBy("io.certrotator")
                .layer("cli").definedBy("io.certrotator.cli..")
                .layer("job").definedBy("io.certrotator.job..")
                .layer("engine").definedBy("io.certrotator.engine..")
                .layer("plan").definedBy("io.certrotator.plan..")
                .layer("estate").definedBy("io.certrotator.estate..")
                .layer("results").definedBy("io.certrotator.results..")
                .layer("edgeone").definedBy("io.certrotator.edgeone..")
                .layer("input").definedBy("io.certrotator.input..")
                .layer("certs").definedBy("io.certrotator.certs..")
                .layer("simulator").definedBy("io.certrotator.simulator..")
                .whereLayer("application").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("application")
                .whereLayer("job").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("cli", "job")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("cli", "job", "engine")
                .whereLayer("estate").mayOnlyBeAccessedByLayers("cli", "job", "engine", "plan")
                .whereLayer("results").mayOnlyBeAccessedByLayers("cli", "job", "engine", "plan", "estate")
                .whereLayer("edgeone")
                .mayOnlyBeAccessedByLayers("cli", "job", "engine", "plan", "estate", "results")
                .whereLayer("input")
                .mayOnlyBeAccessedByLayers("cli", "job", "engine", "plan", "estate", "results", "edgeone", "simulator")
                .whereLayer("certs")
                .mayOnlyBeAccessedByLayers("cli", "job", "engine", "plan", "estate", "results", "edgeone", "input",
                        "simulator")
                .whereLayer("simulator").mayOnlyBeAccessedByLayers("cli")
                .check(PRODUCT);
    }

    @Test
    void packagesHaveNoCycles() {
        SlicesRuleDefinition.slices()
                .matching("io.certrotator.(*)..")
                .should().beFreeOfCycles()
                .check(PRODUCT);
    }
}
