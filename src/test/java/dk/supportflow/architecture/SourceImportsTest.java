package dk.supportflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plan of {@link ArchitectureTest} read from the source: the compiler copies a constant (a
 * process key, a variable name) into the class that uses it, so the bytecode shows no import of
 * the contract it came from. Here every {@code import dk.supportflow...} line counts.
 */
class SourceImportsTest {

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dk\\.supportflow\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package dk\\.supportflow\\.(\\w+)", Pattern.MULTILINE);

    @Test
    void everyImportGoesToTheSameFloorOrBelow() throws IOException {
        List<String> upwards = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dk/supportflow"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                if (!pkg.find()) {
                    continue;
                }
                int floor = ArchitectureTest.FLOORS.indexOf(pkg.group(1));
                Matcher imports = IMPORT.matcher(source);
                while (imports.find()) {
                    int target = ArchitectureTest.FLOORS.indexOf(imports.group(1));
                    if (target < floor) {
                        upwards.add(file.getFileName() + " (" + pkg.group(1) + ") imports " + imports.group(1));
                    }
                }
            }
        }
        assertThat(upwards).isEmpty();
    }

    @Test
    void everyPackageHasItsFloor() throws IOException {
        try (Stream<Path> packages = Files.list(Path.of("src/main/java/dk/supportflow"))) {
            assertThat(packages.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .allMatch(ArchitectureTest.FLOORS::contains);
        }
    }
}
