package dk.supportflow.knowledge;

import dk.supportflow.domain.Refused;
import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeIndex;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.knowledge.search.KnowledgeQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Search over solved cases, knowledge articles and known errors, and keeping the index in step
 * with the database: entries are (re)indexed or removed only after the transaction that stored
 * them commits, so a rolled-back job leaves no hit behind. An update that fails is kept and tried
 * again (metric {@code supportflow.knowledge.index.failures}); at start-up and every night the
 * index is compared with the database, kind by kind, and rebuilt when they differ.
 */
@Service
public class KnowledgeSearch {

    public static final int MAX_QUERY_LENGTH = 500;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    private static final int SUGGESTED_KNOWN_ERRORS = 3;
    private static final int SUGGESTED_OTHERS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSearch.class);

    private final KnowledgeIndex index;
    private final SolvedCaseRepository solvedCases;
    private final KnowledgeArticleRepository articles;
    private final KnownErrorRepository knownErrors;
    private final Queue<Runnable> failedUpdates = new ConcurrentLinkedQueue<>();
    private final Counter failures;

    public KnowledgeSearch(KnowledgeIndex index, SolvedCaseRepository solvedCases, KnowledgeArticleRepository articles,
            KnownErrorRepository knownErrors, MeterRegistry meters) {
        this.index = index;
        this.solvedCases = solvedCases;
        this.articles = articles;
        this.knownErrors = knownErrors;
        this.failures = Counter.builder("supportflow.knowledge.index.failures")
                .description("Index updates that failed and wait to be tried again").register(meters);
    }

    /** A user's search (GET /api/knowledge): the query is checked, absurd ones are refused with a 400. */
    public List<KnowledgeHit> search(String q, String component, Integer limit) {
        return search(q, component, Set.of(), limit);
    }

    /** A user's search among some kinds of entries only (all when {@code kinds} is empty). */
    public List<KnowledgeHit> search(String q, String component, Set<KnowledgeKind> kinds, Integer limit) {
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
        KnowledgeQuery query = KnowledgeQuery.of(q, component, max);
        return index.search(new KnowledgeQuery(query.text(), query.component(), max, kinds, false, null, null, null, 1));
    }

    /**
     * What may already answer a report being typed: known errors (from the driftsside) first, then
     * articles and solved cases, each sharing at least two of its words. Empty for too little text.
     */
    public List<KnowledgeHit> suggestionsFor(String text, String component) {
        if (text == null || text.isBlank() || text.length() > 3 * MAX_QUERY_LENGTH || index.terms(text).size() < 2) {
            return List.of();
        }
        List<KnowledgeHit> hits = new ArrayList<>(index.search(
                KnowledgeQuery.likeCase(text, component, null, SUGGESTED_KNOWN_ERRORS, Set.of(KnowledgeKind.KNOWN_ERROR))));
        hits.addAll(index.search(KnowledgeQuery.likeCase(text, component, null, SUGGESTED_OTHERS,
                Set.of(KnowledgeKind.ARTICLE, KnowledgeKind.CASE))));
        return hits;
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

    private void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            apply(action);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                apply(action);
            }
        });
    }

    private void apply(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // the data is stored; the update waits and is tried again
            failedUpdates.add(action);
            failures.increment();
            LOG.error("Knowledge index update failed ({}); it is tried again", e.getClass().getSimpleName());
        }
    }

    /** Tries the updates that failed again, oldest first; returns how many are still waiting. */
    /** Updates are visible at once and written to disk every commit interval (and when the node stops). */
    @Scheduled(fixedDelayString = "${supportflow.knowledge.commit-interval}")
    public void commitIndex() {
        index.commitChanges();
    }

    @Scheduled(fixedDelayString = "PT1M")
    public int retryFailedUpdates() {
        for (int waiting = failedUpdates.size(); waiting > 0; waiting--) {
            Runnable action = failedUpdates.poll();
            if (action == null) {
                break;
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                failedUpdates.add(action);
            }
        }
        return failedUpdates.size();
    }

    /**
     * Rebuilds the whole index from the database; returns the number of entries. The database is
     * read while the index takes no other change (KnowledgeIndex.rebuild), so no update is lost, and
     * searches see the old index until the new one is complete.
     */
    @Transactional(readOnly = true)
    public int rebuild() {
        int size = index.rebuild(this::fromDatabase);
        failedUpdates.clear();
        LOG.info("Knowledge index rebuilt: {} entries", size);
        return size;
    }

    private List<KnowledgeEntry> fromDatabase() {
        List<KnowledgeEntry> entries = new ArrayList<>();
        knownErrors.findByRetiredAtIsNullOrderByCreatedAtDesc().forEach(k -> entries.add(k.toEntry()));
        articles.findByRetiredAtIsNull().forEach(a -> entries.add(a.toEntry()));
        solvedCases.findAll().forEach(s -> entries.add(s.toEntry()));
        return entries;
    }

    /**
     * Compares the index with the database, kind by kind (which entries it holds), and rebuilds it
     * when they differ: at start-up (an empty or stale index after a crash) and every night.
     * Returns true when it had to rebuild.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 15 3 * * *", zone = "Europe/Copenhagen")
    @Transactional(readOnly = true)
    public boolean checkAgainstDatabase() {
        Map<KnowledgeKind, SortedMap<String, String>> expected = new EnumMap<>(KnowledgeKind.class);
        for (KnowledgeKind kind : KnowledgeKind.values()) {
            expected.put(kind, new TreeMap<>());
        }
        fromDatabase().forEach(entry -> expected.get(entry.kind()).put(entry.id(), entry.checksum()));
        for (KnowledgeKind kind : KnowledgeKind.values()) {
            SortedMap<String, String> inDatabase = expected.get(kind);
            SortedMap<String, String> inIndex = index.checksums(kind);
            String databaseChecksum = KnowledgeIndex.checksumOf(inDatabase);
            String indexChecksum = KnowledgeIndex.checksumOf(inIndex);
            if (inDatabase.size() != inIndex.size() || !databaseChecksum.equals(indexChecksum)) {
                LOG.warn("Knowledge index differs from the database for {} ({} entries in the index, {} in the database, "
                        + "checksum {} against {}): rebuilding", kind, inIndex.size(), inDatabase.size(),
                        indexChecksum.substring(0, 12), databaseChecksum.substring(0, 12));
                rebuild();
                return true;
            }
        }
        return false;
    }

    private static Refused badRequest(String message) {
        return new Refused(Refused.Why.INVALID, message);
    }
}
