package dk.supportflow.knowledge;

import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeIndex;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.knowledge.search.KnowledgeQuery;
import dk.supportflow.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Search over solved cases, knowledge articles and known errors, and keeping the index in step
 * with the database: entries are (re)indexed or removed only after the transaction that stored
 * them commits, so a rolled-back job leaves no hit behind.
 */
@Service
public class KnowledgeSearch {

    public static final int MAX_QUERY_LENGTH = 500;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSearch.class);

    private final KnowledgeIndex index;
    private final SolvedCaseRepository solvedCases;
    private final KnowledgeArticleRepository articles;
    private final KnownErrorRepository knownErrors;

    public KnowledgeSearch(KnowledgeIndex index, SolvedCaseRepository solvedCases, KnowledgeArticleRepository articles,
            KnownErrorRepository knownErrors) {
        this.index = index;
        this.solvedCases = solvedCases;
        this.articles = articles;
        this.knownErrors = knownErrors;
    }

    /** A user's search (GET /api/knowledge): the query is checked, absurd ones are refused with a 400. */
    public List<KnowledgeHit> search(String q, String component, Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw badRequest("Antal resultater (limit) skal være mellem 1 og " + MAX_LIMIT + ".");
        }
        if (q == null || q.isBlank()) {
            throw badRequest("Skriv, hvad du søger efter (parameteren q).");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw badRequest("Søgningen må højst være " + MAX_QUERY_LENGTH + " tegn. Brug de vigtigste ord fra fejlen.");
        }
        if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw badRequest("Søgningen skal indeholde ord, ikke kun tegn.");
        }
        if (component != null && component.length() > 200) {
            throw badRequest("Komponenten må højst være 200 tegn.");
        }
        if (index.terms(q).isEmpty()) {
            throw badRequest("Søgningen består kun af småord som \"og\", \"på\" og \"ikke\". Skriv de ord, der beskriver fejlen.");
        }
        return index.search(KnowledgeQuery.of(q, component, max));
    }

    /** Searches without the user checks (suggestions, similar cases): nothing found is an empty list. */
    public List<KnowledgeHit> find(KnowledgeQuery query) {
        return index.search(query);
    }

    public KnowledgeIndex index() {
        return index;
    }

    /** Indexes the entry when the current transaction commits (at once without one). */
    public void indexAfterCommit(KnowledgeEntry entry) {
        afterCommit(() -> index.put(entry));
    }

    public void removeAfterCommit(KnowledgeKind kind, String ref) {
        afterCommit(() -> index.remove(kind, ref));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // the data is stored; the index catches up at the next rebuild
                    LOG.error("Knowledge index update failed; rebuild the index (POST /api/knowledge/index/rebuild)", e);
                }
            }
        });
    }

    /** Rebuilds the whole index from the database; returns the number of entries. */
    @Transactional(readOnly = true)
    public int rebuild() {
        List<KnowledgeEntry> entries = new ArrayList<>();
        knownErrors.findByRetiredAtIsNullOrderByCreatedAtDesc().forEach(k -> entries.add(k.toEntry()));
        articles.findByRetiredAtIsNull().forEach(a -> entries.add(a.toEntry()));
        solvedCases.findAll().forEach(s -> entries.add(s.toEntry()));
        index.replaceAll(entries);
        LOG.info("Knowledge index rebuilt: {} entries", entries.size());
        return entries.size();
    }

    /** An empty index (first start, deleted directory) is built from the database. */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfEmpty() {
        if (index.size() == 0) {
            rebuild();
        }
    }

    private static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }
}
