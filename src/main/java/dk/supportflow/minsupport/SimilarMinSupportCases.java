package dk.supportflow.minsupport;

import dk.supportflow.cases.CaseProgress;
import dk.supportflow.cases.SupportCase;
import dk.supportflow.knowledge.KnowledgeSearch;
import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeIndex;
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
 * are searched in a small in-memory index built per check, with the same analysis and query.
 */
@Service
public class SimilarMinSupportCases {

    public record Match(String minSupportCaseNumber, String caseNumber, String title, String component,
            String errorClass, boolean open, double score) {
    }

    static final int LIMIT = 5;

    private final CaseProgress progress;
    private final KnowledgeSearch search;

    public SimilarMinSupportCases(CaseProgress progress, KnowledgeSearch search) {
        this.progress = progress;
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
        List<KnowledgeEntry> open = new ArrayList<>();
        for (SupportCase other : progress.openCasesWithMinSupport()) {
            if (!caseNumber.equals(other.getCaseNumber())) {
                open.add(new KnowledgeEntry(KnowledgeKind.CASE, other.getCaseNumber(), other.getTitle(), other.getActual(), null,
                        other.getErrorClass(), other.getComponent(), null, other.getMinSupportCaseNumber(), null));
            }
        }
        if (open.isEmpty()) {
            return List.of();
        }
        try (KnowledgeIndex openIndex = KnowledgeIndex.inMemory()) {
            openIndex.putAll(open);
            return openIndex.search(query).stream()
                    .map(hit -> new Match(hit.minSupportCaseNumber(), hit.caseNumber(), hit.title(), hit.component(),
                            hit.errorClass(), true, hit.score()))
                    .toList();
        }
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
