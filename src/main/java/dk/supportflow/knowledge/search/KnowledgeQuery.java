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
 */
public record KnowledgeQuery(String text, String component, int limit, Set<KnowledgeKind> kinds,
        boolean onlyWithMinSupport, String excludeId, String preferComponent, String preferErrorClass) {

    public static KnowledgeQuery of(String text, String component, int limit) {
        return new KnowledgeQuery(text, component, limit, Set.of(), false, null, null, null);
    }
}
