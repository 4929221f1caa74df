package dk.supportflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up of a node from the packaged jar, as operations start it, on an existing database, each
 * in a cold JVM: plain ({@code java -jar}) and with a class data sharing archive (AppCDS) made by a
 * training run, as docs/operations.md recommends. Needs the jar:
 * {@code ./mvnw -B package -DskipTests && ./mvnw -o -B -P benchmark test -Dtest=StartupBenchmark}.
 * Prints {@code STARTUP plain=<s> cds=<s> heap=<MB>} (medians) and writes its section of
 * docs/performance.md.
 */
class StartupBenchmark {

    static final int RUNS = Integer.getInteger("benchmark.startups", 3);
    static final Path WORK = Path.of("target/benchmark/startup").toAbsolutePath();

    @Test
    void measure() throws Exception {
        Path jar = packagedJar();
        assumeTrue(jar != null, "no packaged jar in target/: run ./mvnw -B package -DskipTests first");
        LifecycleBenchmark.deleteRecursively(WORK);
        Path app = WORK.resolve("app");
        run(List.of(NodeStart.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString()));
        Path extracted = app.resolve(jar.getFileName());
        Path archive = WORK.resolve("supportflow.jsa");

        // the first start creates the database (Flyway, the engine's tables); the ones measured find it
        NodeStart.of(command(extracted, List.of()));
        run(command(extracted, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh")));
        assertThat(archive).exists();
        List<NodeStart> plain = new ArrayList<>();
        List<NodeStart> cds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            plain.add(NodeStart.of(command(extracted, List.of())));
            cds.add(NodeStart.of(command(extracted, List.of("-XX:SharedArchiveFile=" + archive))));
        }
        NodeStart plainMedian = median(plain);
        NodeStart cdsMedian = median(cds);
        String line = String.format(Locale.ROOT, "STARTUP plain=%.1f s cds=%.1f s heap=%.0f MB (plain) %.0f MB (cds)",
                plainMedian.seconds(), cdsMedian.seconds(), plainMedian.heapMb(), cdsMedian.heapMb());
        System.out.println(line);
        PerformanceDoc.writeSection("startup", String.format(Locale.ROOT, """
                ### Measured %s by `StartupBenchmark`

                Machine: %d cores, Java %s. The packaged jar, extracted (`java -Djarmode=tools -jar … extract`), on an
                existing H2 file database, each start in a new JVM; medians of %d starts.

                ```
                %s
                ```

                | | `java -jar` | with AppCDS (`-XX:SharedArchiveFile`) |
                |---|---|---|
                | start-up of a node on an existing database (target < 12 s) | %.1f s | %.1f s |
                | heap in use after start-up, after a full GC (target < 200 MB) | %.0f MB | %.0f MB |
                """, LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), RUNS, line,
                plainMedian.seconds(), cdsMedian.seconds(), plainMedian.heapMb(), cdsMedian.heapMb()));
    }

    private static List<String> command(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(NodeStart.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.datasource.url=jdbc:h2:file:" + WORK.resolve("db/supportflow"),
                "--supportflow.knowledge.index-dir=" + WORK.resolve("index"),
                "--server.port=0", "--supportflow.privacy.retention-cron=-", "--spring.main.banner-mode=off"));
        return command;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor()).as("%s", command).isZero();
    }

    private static NodeStart median(List<NodeStart> starts) {
        List<NodeStart> sorted = starts.stream().sorted(Comparator.comparingDouble(NodeStart::seconds)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Path packagedJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("supportflow-.*\\.jar")
                    && !f.getFileName().toString().endsWith("-plain.jar")).findFirst().map(Path::toAbsolutePath).orElse(null);
        }
    }
}
