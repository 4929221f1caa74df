package dk.supportflow.knowledge.search;

import java.time.Instant;

/**
 * A search result. {@code excerpt} is HTML: the answer with the matched words in
 * {@code <mark>}, everything else escaped. The other texts are plain text.
 */
public record KnowledgeHit(String kind, String id, String caseNumber, String title, String excerpt, String errorClass,
        String component, Instant date, String minSupportCaseNumber, String sourceLink, float score) {
}
