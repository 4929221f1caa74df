package dk.supportflow.knowledge.search;

import java.util.Set;

/**
 * What to look for.
 *
 * @param text free text: the user's words, or a case's title and description
 * @param component only entries of this component (any when null)
 * @param kinds only these kinds (any when empty)
 * @param onlyWithMinSupport only entries with a MinSupport case number
 * @param excludeId an entry id ({@link KnowledgeEntry#id()}) never returned, e.g. the case itself
 * @param preferComponent ranks entries of this component higher, without excluding others
 * @param preferErrorClass ranks entries of this error class higher, without excluding others
 * @param minMatchingWords an entry must share at least this many of the text's words (fewer if
 *        the text has fewer); 1 for a user's search, more when a whole case is the query
 */
public record KnowledgeQuery(String text, String component, int limit, Set<KnowledgeKind> kinds,
        boolean onlyWithMinSupport, String excludeId, String preferComponent, String preferErrorClass,
        int minMatchingWords) {

    public static KnowledgeQuery of(String text, String component, int limit) {
        return new KnowledgeQuery(text, component, limit, Set.of(), false, null, null, null, 1);
    }

    /** Entries like a whole case (title and description): at least two shared words. */
    public static KnowledgeQuery likeCase(String text, String component, String errorClass, int limit, Set<KnowledgeKind> kinds) {
        return new KnowledgeQuery(text, null, limit, kinds, false, null, component, errorClass, 2);
    }

    public KnowledgeQuery onlyWithMinSupport(String excludeId) {
        return new KnowledgeQuery(text, component, limit, kinds, true, excludeId, preferComponent, preferErrorClass,
                minMatchingWords);
    }
}
