package dk.supportflow.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.List;

/**
 * The plan of the house: features above the shared parts, each importing only what lies below
 * it, and no feature packages that import each other in a circle. The imports that break this
 * today are recorded in src/test/resources/archunit-violations (ArchUnit's frozen rules): the
 * test fails on any new one, and a record goes away by itself when its import is gone.
 */
@AnalyzeClasses(packages = "dk.supportflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages from the top floor down; a package may import the ones after it. */
    static final List<String> FLOORS = List.of("dashboard", "clock", "driftsside", "minsupport", "meetings", "knowledge",
            "analysis", "cases", "notification", "privacy", "platform", "people", "web");

    @ArchTest
    static final ArchRule noCirclesBetweenPackages = FreezingArchRule.freeze(
            slices().matching("dk.supportflow.(*)..").should().beFreeOfCycles());

    @ArchTest
    static final ArchRule eachPackageImportsOnlyWhatLiesBelowIt = FreezingArchRule.freeze(floors());

    private static LayeredArchitecture floors() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String floor : FLOORS) {
            layers = layers.layer(floor).definedBy("dk.supportflow." + floor + "..");
        }
        layers = layers.whereLayer(FLOORS.get(0)).mayNotBeAccessedByAnyLayer();
        for (int i = 1; i < FLOORS.size(); i++) {
            layers = layers.whereLayer(FLOORS.get(i)).mayOnlyBeAccessedByLayers(FLOORS.subList(0, i).toArray(String[]::new));
        }
        return layers;
    }
}
