package dk.supportflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a benchmark's own section of docs/performance.md, between
 * {@code <!-- benchmark:NAME:start -->} and {@code <!-- benchmark:NAME:end -->}; the rest of the
 * file (other benchmarks' sections, text written by hand) stays as it is. A missing section is
 * added at the end.
 */
final class PerformanceDoc {

    static final Path FILE = Path.of("docs/performance.md");

    private PerformanceDoc() {
    }

    static void writeSection(String name, String markdown) {
        String start = "<!-- benchmark:" + name + ":start -->";
        String end = "<!-- benchmark:" + name + ":end -->";
        try {
            String doc = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "# Performance\n";
            String section = start + "\n" + markdown.strip() + "\n" + end;
            int from = doc.indexOf(start);
            int to = doc.indexOf(end);
            String updated = from >= 0 && to > from
                    ? doc.substring(0, from) + section + doc.substring(to + end.length())
                    : doc.stripTrailing() + "\n\n" + section + "\n";
            Files.writeString(FILE, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
