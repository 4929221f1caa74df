package dk.supportflow.knowledge.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A search result. {@code excerpt} is HTML: the answer with the matched words in
 * {@code <mark>}, everything else escaped. The other texts are plain text; {@code answer} (the
 * whole answer, plain) is for the task forms, not part of the API's JSON.
 */
public record KnowledgeHit(String kind, String id, String caseNumber, String title, String excerpt,
        @JsonIgnore String answer, String errorClass,
        String component, Instant date, String minSupportCaseNumber, String sourceLink, float score) {
}
