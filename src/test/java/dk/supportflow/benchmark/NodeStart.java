package dk.supportflow.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node started in a JVM of its own (cold: nothing loaded or compiled): Spring Boot's own
 * "Started … in" figure (the context with Flyway, the engine, the webapps), then the heap in use
 * after a full GC (jcmd). The node is stopped again.
 */
record NodeStart(double seconds, double heapMb) {

    private static final Pattern STARTED = Pattern.compile("Started SupportflowApplication in ([0-9.]+) seconds");
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs the command (a java command line that starts the application) until the application has started. */
    static NodeStart of(List<String> command) throws Exception {
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    return new NodeStart(Double.parseDouble(started.group(1)), heapAfterGc(node.pid()));
                }
            }
            throw new IllegalStateException("the node ended without starting (exit " + node.waitFor() + ")");
        } finally {
            node.destroy();
            node.waitFor();
        }
    }

    private static double heapAfterGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        Matcher used = USED.matcher(text);
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }
}
