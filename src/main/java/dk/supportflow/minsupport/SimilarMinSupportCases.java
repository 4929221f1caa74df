package dk.supportflow.minsupport;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import dk.supportflow.knowledge.KnowledgeSearch;
import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeIndex;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.knowledge.search.KnowledgeQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;

/**
 * "Does MinSupport already have this case?" Finds open and earlier cases with a MinSupport
 * number that look like a given one, with the knowledge search (Danish analysis, synonyms, typo
 * tolerance; at least two shared words; same component and error class rank higher). Open
 * MinSupport cases come first: following one of them means this case gets its answer too (the
 * answer reaches every case with that MinSupport number). Open cases live in the process engine,
 * not in the knowledge index: they are searched in a small in-memory index built per check,
 * with the same analysis and query.
 */
@Service
public class SimilarMinSupportCases {

    public record Match(String minSupportCaseNumber, String caseNumber, String title, String component,
            String errorClass, boolean open, double score) {
    }

    static final int LIMIT = 5;

    private final RuntimeService runtimeService;
    private final KnowledgeSearch search;

    public SimilarMinSupportCases(RuntimeService runtimeService, KnowledgeSearch search) {
        this.runtimeService = runtimeService;
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
        Map<String, String> minSupportNumbers = new HashMap<>();
        for (VariableInstance number : runtimeService.createVariableInstanceQuery()
                .variableName(Vars.MINSUPPORT_CASE_NUMBER).list()) {
            if (number.getValue() != null) {
                minSupportNumbers.put(number.getProcessInstanceId(), (String) number.getValue());
            }
        }
        if (minSupportNumbers.isEmpty()) {
            return List.of();
        }
        // one query for all of them; a case that ends meanwhile is simply not among the results
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(minSupportNumbers.keySet().toArray(String[]::new))
                .variableNameIn(Vars.CASE_NUMBER, Vars.TITLE, Vars.ACTUAL, Vars.COMPONENT, Vars.ERROR_CLASS).list()) {
            variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                    .put(variable.getName(), variable.getValue());
        }
        List<KnowledgeEntry> open = new ArrayList<>();
        variables.forEach((processInstanceId, other) -> {
            if (other.get(Vars.CASE_NUMBER) != null && !caseNumber.equals(other.get(Vars.CASE_NUMBER))) {
                open.add(new KnowledgeEntry(KnowledgeKind.CASE, (String) other.get(Vars.CASE_NUMBER), (String) other.get(Vars.TITLE),
                        (String) other.get(Vars.ACTUAL), null, (String) other.get(Vars.ERROR_CLASS),
                        (String) other.get(Vars.COMPONENT), null, minSupportNumbers.get(processInstanceId), null));
            }
        });
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
