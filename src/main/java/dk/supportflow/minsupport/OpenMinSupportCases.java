package dk.supportflow.minsupport;

import dk.supportflow.cases.CaseProgress;
import dk.supportflow.cases.SupportCase;
import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeIndex;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.knowledge.search.KnowledgeQuery;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The open cases that have a MinSupport case, in a search index of their own (in memory, the
 * knowledge search's analysis) that stands between checks. Each check first brings it in step
 * with the case rows: only a case that is new, changed (checksum of what is indexed) or no longer
 * open is written, so a check costs one query of the rows, not an index built anew. The rows are
 * the truth, so every node's index agrees with them whichever node changed a case.
 */
@Component
class OpenMinSupportCases {

    private final CaseProgress progress;
    private final KnowledgeIndex index = KnowledgeIndex.inMemory();
    /** By case number: the checksum of the entry indexed for it. */
    private final Map<String, String> indexed = new HashMap<>();

    OpenMinSupportCases(CaseProgress progress) {
        this.progress = progress;
    }

    /** Open MinSupport cases like the query, best first; never the case itself. */
    synchronized List<KnowledgeHit> search(String caseNumber, KnowledgeQuery query) {
        catchUp();
        return index.search(query.onlyWithMinSupport(KnowledgeEntry.id(KnowledgeKind.CASE, caseNumber)));
    }

    /** How many cases the index holds (for tests and checks). */
    synchronized int size() {
        return indexed.size();
    }

    private void catchUp() {
        Map<String, KnowledgeEntry> open = new LinkedHashMap<>();
        for (SupportCase row : progress.openCasesWithMinSupport()) {
            open.put(row.getCaseNumber(), new KnowledgeEntry(KnowledgeKind.CASE, row.getCaseNumber(), row.getTitle(),
                    row.getActual(), null, row.getErrorClass(), row.getComponent(), null, row.getMinSupportCaseNumber(), null));
        }
        List<KnowledgeEntry> changed = new ArrayList<>();
        open.forEach((caseNumber, entry) -> {
            if (!entry.checksum().equals(indexed.get(caseNumber))) {
                changed.add(entry);
            }
        });
        if (!changed.isEmpty()) {
            index.putAll(changed);
            changed.forEach(entry -> indexed.put(entry.ref(), entry.checksum()));
        }
        for (String gone : new ArrayList<>(indexed.keySet())) {
            if (!open.containsKey(gone)) {
                index.remove(KnowledgeKind.CASE, gone);
                indexed.remove(gone);
            }
        }
    }

    @PreDestroy
    void close() {
        index.close();
    }
}
