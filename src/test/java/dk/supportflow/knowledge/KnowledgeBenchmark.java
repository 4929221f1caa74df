package dk.supportflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeIndex;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.knowledge.search.KnowledgeQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * Search latency at 100 000 solved cases: not a timed test, and not part of {@code verify} (the
 * class name does not match Surefire's test patterns). Run it with
 * {@code ./mvnw -B -P benchmark test} (or {@code -Dtest=KnowledgeBenchmark}); it prints p50/p95/p99
 * for user searches (GET /api/knowledge, with highlighting) and for whole-case searches (the
 * suggestions at case start, the similar-case check), and recall@5 of the relevance set with
 * 100 000 other cases around it. Figures are recorded in docs/performance.md.
 */
class KnowledgeBenchmark {

    static final int CASES = Integer.getInteger("benchmark.cases", 100_000);
    static final int WARM_UP = 500;
    static final int MEASURED = 3000;

    private static final String[] COMPONENTS = {"Beregn tillæg", "Breve", "Udbetaling", "Indkomst", "Bevilling", "Formue",
        "Opgaver", "Sag", "Hændelser", "Ydelsesoversigt", "Dokumenter", "Borger", "Beregning", "Søgning", "Økonomi",
        "Fuldmagt", "Skat", "Varme", "Regulering", "Opsætning"};
    private static final String[] SUBJECTS = {"helbredstillæg", "boligstøtte", "boligydelse", "folkepension", "førtidspension",
        "personligt tillæg", "varmetillæg", "pensionstillæg", "ældrecheck", "skattekort", "efterbetaling", "tilbagebetaling",
        "udbetalingen", "beregningen", "afgørelsen", "brevet", "opgaven", "sagen", "adressen", "kontonummer", "indtægten",
        "formuen", "samleveren", "husstanden", "fuldmagten", "reguleringen", "hændelsen", "dødsfaldet", "flytningen",
        "NemKonto", "eIndkomst", "Digital Post", "ydelsesoversigten", "dokumentet", "bilaget", "notatet", "journalen",
        "ansøgningen", "bevillingen", "ophøret"};
    private static final String[] PROBLEMS = {"afsluttes ikke", "vises ikke", "beregnes forkert", "mangler", "fejler med timeout",
        "gemmes ikke", "sendes ikke", "bliver dubleret", "kan ikke åbnes", "er låst", "hentes ikke", "opdateres ikke",
        "giver en teknisk fejl", "viser forkert dato", "står som åben", "forsvinder", "kan ikke vælges", "er grå",
        "giver en pop-up", "stopper midt i kørslen"};
    private static final String[] CONTEXTS = {"efter godkendelse", "efter release 24.3", "ved ny pensionist", "om natten",
        "for samlevende", "ved flytning", "efter genberegning", "i januar", "ved dødsfald", "på enkelte sager",
        "når opgaven afsluttes", "efter et trin tilbage", "ved manuel bevilling", "i fanen Økonomi", "efter CPR-hændelse"};
    private static final String[] ANSWERS = {"Gå et trin tilbage i Gennemførte trin og frem igen.",
        "Afslut alle åbne opgaver på borgeren og prøv igen.", "Det er en kendt fejl; brug den midlertidige løsning fra driftssiden.",
        "Registrér oplysningerne manuelt og genberegn.", "Vent til næste kørsel; integrationen henter data igen.",
        "Det er den nye arbejdsgang efter release 24.3; se navigationssedlen.", "Ryd browserens cache og åbn sagen igen.",
        "Meld fejlen til MinSupport med sags-ID og opgave-ID.", "Kontrollér husstandens oplysninger før beregning.",
        "Brug vejledningen om manuel bevilling."};
    private static final String[] ERROR_CLASSES = {"userError", "processError", "integrationError", "technicalError"};

    static List<KnowledgeEntry> syntheticCases(int count, long seed) {
        Random random = new Random(seed);
        Instant start = Instant.parse("2022-01-01T08:00:00Z");
        List<KnowledgeEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String subject = pick(random, SUBJECTS);
            String title = capitalise(subject) + " " + pick(random, PROBLEMS) + " " + pick(random, CONTEXTS);
            String symptom = "Da jeg arbejdede med " + pick(random, SUBJECTS) + ", " + pick(random, PROBLEMS) + " "
                    + pick(random, CONTEXTS) + ". Det sker også for " + pick(random, SUBJECTS) + ".";
            String answer = pick(random, ANSWERS) + " " + capitalise(pick(random, SUBJECTS)) + " " + pick(random, PROBLEMS)
                    + " kun " + pick(random, CONTEXTS) + ".";
            entries.add(new KnowledgeEntry(KnowledgeKind.CASE, "SUP-BENCH-" + i, title, symptom, answer,
                    pick(random, ERROR_CLASSES), pick(random, COMPONENTS), start.plusSeconds(600L * i),
                    random.nextInt(10) == 0 ? "MS-" + i : null, null));
        }
        return entries;
    }

    /** User-style queries: 1 to 4 words, some with a typo or the ae/oe/aa spelling. */
    static List<String> userQueries(int count, long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(count);
        List<String> relevance = RelevanceSet.QUERIES.stream().map(RelevanceSet.Judged::query).toList();
        for (int i = 0; i < count; i++) {
            if (i % 3 == 0) {
                queries.add(relevance.get(random.nextInt(relevance.size())));
                continue;
            }
            String words = pick(random, SUBJECTS) + (random.nextBoolean() ? " " + pick(random, PROBLEMS) : "")
                    + (random.nextInt(3) == 0 ? " " + pick(random, CONTEXTS) : "");
            if (random.nextInt(4) == 0) {
                words = words.replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
            }
            if (random.nextInt(4) == 0 && words.length() > 6) {
                int at = 2 + random.nextInt(words.length() - 4);
                words = words.substring(0, at) + words.substring(at + 1);
            }
            queries.add(words);
        }
        return queries;
    }

    @Test
    void latencyAt100000SolvedCases() throws Exception {
        Path dir = Files.createTempDirectory("knowledge-benchmark");
        try (KnowledgeIndex index = new KnowledgeIndex(FSDirectory.open(dir))) {
            long t0 = System.nanoTime();
            List<KnowledgeEntry> entries = syntheticCases(CASES, 42);
            for (int from = 0; from < entries.size(); from += 10_000) {
                index.putAll(entries.subList(from, Math.min(entries.size(), from + 10_000)));
            }
            index.putAll(RelevanceSet.ENTRIES);
            double indexSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes;
            try (Stream<Path> files = Files.walk(dir)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("Knowledge benchmark: %d entries indexed in %.1f s, index %.1f MB, %d cores, Java %s%n",
                    index.size(), indexSeconds, bytes / 1e6, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));

            List<String> user = userQueries(WARM_UP + MEASURED, 7);
            report("user search (limit 10, highlighted)", user, q -> index.search(KnowledgeQuery.of(q, null, 10)));
            report("user search with component filter", user,
                    q -> index.search(KnowledgeQuery.of(q, COMPONENTS[Math.abs(q.hashCode()) % COMPONENTS.length], 10)));
            List<String> whole = syntheticCases(WARM_UP + MEASURED, 99).stream().map(e -> e.title() + "\n" + e.body()).toList();
            report("whole case (suggestions, limit 5)", whole,
                    q -> index.search(KnowledgeQuery.likeCase(q, "Breve", null, 5, Set.of(KnowledgeKind.CASE, KnowledgeKind.ARTICLE))));
            report("similar MinSupport cases (limit 5)", whole, q -> index.search(
                    KnowledgeQuery.likeCase(q, "Breve", "processError", 5, Set.of(KnowledgeKind.CASE)).onlyWithMinSupport(null)));

            int found = 0;
            for (RelevanceSet.Judged judged : RelevanceSet.QUERIES) {
                if (index.search(KnowledgeQuery.of(judged.query(), null, 5)).stream().map(KnowledgeHit::id)
                        .anyMatch(judged.expected()::contains)) {
                    found++;
                }
            }
            System.out.printf("  relevance set among %d synthetic cases: recall@5 %.3f (%d of %d)%n", CASES,
                    (double) found / RelevanceSet.QUERIES.size(), found, RelevanceSet.QUERIES.size());
            assertThat(index.size()).isEqualTo(CASES + RelevanceSet.ENTRIES.size());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String name, List<String> queries, Function<String, List<KnowledgeHit>> search) {
        int hits = 0;
        for (int i = 0; i < WARM_UP; i++) {
            hits += search.apply(queries.get(i)).size();
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            hits += search.apply(queries.get(WARM_UP + i)).size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-40s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d queries, %.1f hits avg)%n", name,
                ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[MEASURED - 1] / 1e6, MEASURED,
                (double) hits / (WARM_UP + MEASURED));
        assertThat(hits).isPositive();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
