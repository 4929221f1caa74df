package dk.supportflow.knowledge.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * KP terms that mean the same to the people who search. Each group is one word per entry (the
 * index works on single words); the first word is the one every other word is indexed and searched
 * as. Spelling variants with ae/oe/aa need no entry: {@link DanishKnowledgeAnalyzer} folds them.
 * Keep the list small and certain: a wrong synonym makes every search of the word worse.
 */
public final class KnowledgeSynonyms {

    /** The groups, documented in docs/architecture.md ("Videnssøgning"). */
    public static final List<List<String>> GROUPS = List.of(
            // the benefit "boligstøtte" is paid to pensioners as "boligydelse"
            List.of("boligstøtte", "boligydelse", "boligsikring"),
            // the income register and its integration
            List.of("eindkomst", "indkomstregister", "indkomstregistret", "indkomstregisteret"),
            // "helbredstillæg" and its common short form
            List.of("helbredstillæg", "helbredstilskud"),
            // the vendor's support portal
            List.of("minsupport", "kundeservice", "supportportal"),
            // the operations page
            List.of("driftsside", "driftssiden", "driftsmeddelelse", "driftsstatus"),
            // a letter in KP
            List.of("brev", "breve", "brevet", "skrivelse"),
            // a decision letter
            List.of("afgørelse", "afgørelsen", "afgørelsesbrev"),
            // pension types written short
            List.of("folkepension", "fp"),
            List.of("førtidspension", "ftp"),
            // "udbetaling" and "betaling" are used alike in reports
            List.of("udbetaling", "udbetalingen", "betaling"),
            // a process error is shown as a pop-up
            List.of("popup", "pop", "dialogboks"),
            // the tax card
            List.of("skattekort", "skattekortet", "forskudsopgørelse"));

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        for (List<String> group : GROUPS) {
            for (String word : group) {
                CANONICAL.put(DanishKnowledgeAnalyzer.normalizeWord(word), DanishKnowledgeAnalyzer.normalizeWord(group.get(0)));
            }
        }
    }

    /** The word every member of the group is indexed as, for a lower-cased, normalised word. */
    static String canonical(String normalizedWord) {
        return CANONICAL.get(normalizedWord);
    }

    private KnowledgeSynonyms() {
    }
}
