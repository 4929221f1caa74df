package dk.supportflow.driftsside;

import dk.supportflow.knowledge.search.DanishKnowledgeAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Does a support case look like a known error? With the knowledge search's Danish analysis
 * (stems, ae/oe/aa, KP synonyms), a case matches when
 * <ul>
 * <li>it waits on a MinSupport case whose number the known error names, or</li>
 * <li>the components agree (they share a word, or one of them has none) and the case's title,
 * actual behaviour and error text share at least {@value #MIN_SHARED_WORDS} words with the
 * known error's description, not counting the component's own words and words every report has
 * ("fejl", "KP").</li>
 * </ul>
 */
final class KnownErrorMatcher {

    static final int MIN_SHARED_WORDS = 2;
    private static final Analyzer ANALYZER = new DanishKnowledgeAnalyzer();
    private static final Set<String> GENERIC = terms("fejl fejlen fejlmeddelelse teknisk KP sag sagen bruger borger");

    /** A known error as matching sees it: its description includes the driftsside message, if any. */
    record KnownErrorText(long id, String description, String component) {
    }

    /** An open case as matching sees it; minSupportCaseNumber only while it waits on MinSupport. */
    record CaseText(String caseNumber, String text, String component, String minSupportCaseNumber) {
    }

    private KnownErrorMatcher() {
    }

    static boolean matches(KnownErrorText knownError, CaseText supportCase) {
        if (supportCase.minSupportCaseNumber() != null && namesNumber(knownError.description(), supportCase.minSupportCaseNumber())) {
            return true;
        }
        Set<String> errorComponent = terms(knownError.component());
        Set<String> caseComponent = terms(supportCase.component());
        if (!errorComponent.isEmpty() && !caseComponent.isEmpty() && errorComponent.stream().noneMatch(caseComponent::contains)) {
            return false;
        }
        Set<String> shared = new HashSet<>(terms(knownError.description()));
        shared.retainAll(terms(supportCase.text()));
        shared.removeAll(errorComponent);
        shared.removeAll(caseComponent);
        shared.removeAll(GENERIC);
        return shared.size() >= MIN_SHARED_WORDS;
    }

    /** The number as a whole word: MS-47 is not named by "MS-4711". */
    private static boolean namesNumber(String text, String number) {
        return text != null && Pattern.compile("(?<![\\w-])" + Pattern.quote(number.strip()) + "(?![\\w-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    static String join(String... texts) {
        return Stream.of(texts).filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }

    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
