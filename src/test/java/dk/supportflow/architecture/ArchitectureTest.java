package dk.supportflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The plan of the house: the packages in one order, features above the shared parts, each
 * importing only what lies below it, without exceptions. In one order, a circle of packages needs
 * an import upwards, so the rule also keeps circles out. A lower package that needs a higher one's
 * work declares an interface the higher one implements (privacy's PersonalDataHolder, platform's
 * Gauges) or publishes an event it handles (CaseClosed, CaseAnonymised).
 */
@AnalyzeClasses(packages = "dk.supportflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages from the top floor down; a package may import the ones after it. */
    static final List<String> FLOORS = List.of("portal", "dashboard", "waitingtime", "driftsside", "intake", "minsupport", "meetings", "knowledge",
            "analysis", "cases", "tasks", "notification", "privacy", "platform", "people", "process", "web", "domain");

    @ArchTest
    static final ArchRule eachPackageImportsOnlyWhatLiesBelowIt = floors();

    /**
     * Services, delegates and listeners speak the domain: they refuse with domain.Refused, and only
     * the web layer (controllers, exception handlers, web, the security filters in platform)
     * turns that into HTTP. A job never meets an HTTP status.
     */
    @ArchTest
    static final ArchRule onlyTheWebLayerSpeaksHttp = noClasses()
            .that().resideOutsideOfPackages("dk.supportflow.web..", "dk.supportflow.platform..")
            .and(DescribedPredicate.not(DescribedPredicate.describe("controllers and exception handlers (and their nested types)",
                    (JavaClass c) -> isWeb(c) || c.getEnclosingClass().map(ArchitectureTest::isWeb).orElse(false))))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..");

    private static boolean isWeb(JavaClass type) {
        return type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class)
                || type.isAnnotatedWith(RestControllerAdvice.class) || type.isAnnotatedWith(ControllerAdvice.class);
    }

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
