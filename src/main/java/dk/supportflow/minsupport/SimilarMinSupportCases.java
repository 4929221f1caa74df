package dk.supportflow.minsupport;

import dk.supportflow.knowledge.KnowledgeSearch;
import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.knowledge.search.KnowledgeQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * "Does MinSupport already have this case?" Finds open and earlier cases with a MinSupport
 * number that look like a given one, with the knowledge search (Danish analysis, synonyms, typo
 * tolerance; at least two shared words; same component and error class rank higher). Open
 * MinSupport cases come first: following one of them means this case gets its answer too (the
 * answer reaches every case with that MinSupport number). Open cases are read from their rows
 * (cases.CaseProgress keeps them in step with the process), not from the knowledge index: they
 * are searched in {@link OpenMinSupportCases}, a standing index of their own, with the same
 * analysis and query.
 */
@Service
public class SimilarMinSupportCases {

    public record Match(String minSupportCaseNumber, String caseNumber, String title, String component,
            String errorClass, boolean open, double score) {
    }

    static final int LIMIT = 5;

    private final OpenMinSupportCases openCases;
    private final KnowledgeSearch search;

    SimilarMinSupportCases(OpenMinSupportCases openCases, KnowledgeSearch search) {
        this.openCases = openCases;
        this.search = search;
    }

    /** Cases like the one described, open ones first, best first; never the case itself. */
    public List<Match> find(String caseNumber, String title, String description, String component, String errorClass) {
        String text = Objects.toString(title, "") + "\n" + Objects.toString(description, "");
        KnowledgeQuery query = KnowledgeQuery.likeCase(text, component, errorClass, LIMIT, Set.of(KnowledgeKind.CASE));
        List<Match> matches = new ArrayList<>(openMatches(caseNumber, query));
        for (KnowledgeHit hit : search.find(query.onlyWithMinSupport(KnowledgeEntry.id(KnowledgeKind.CASE, caseNumber)))) {
            matches.add(new Match(hit.minSupportCaseNumber(), hit.caseNumber(), hit.title(), hit.component(), hit.errorClass(),
                    false, hit.score()));
        }
        return matches.stream().limit(LIMIT).toList();
    }

    private List<Match> openMatches(String caseNumber, KnowledgeQuery query) {
        return openCases.search(caseNumber, query).stream()
                .map(hit -> new Match(hit.minSupportCaseNumber(), hit.caseNumber(), hit.title(), hit.component(),
                        hit.errorClass(), true, hit.score()))
                .toList();
    }

    /** The matches as the reportToMinSupport form shows them. */
    public static String asText(List<Match> matches) {
        if (matches.isEmpty()) {
            return "";
        }
        return matches.stream()
                .map(m -> m.minSupportCaseNumber() + " – " + m.caseNumber() + (m.open() ? " (åben)" : " (afsluttet)")
                        + ": " + m.title())
                .collect(Collectors.joining("\n"));
    }
}
