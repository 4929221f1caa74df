package dk.supportflow.knowledge.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The Lucene index of knowledge entries (solved cases, articles, known errors), and the search
 * over it. Plain Lucene, no Spring: the application wires one over its index directory, the
 * relevance tests and the benchmark make their own. Thread-safe; writes are visible to searches
 * when the write method returns and reach the disk at the next {@link #commitChanges()}, a rebuild
 * or {@link #close()}.
 */
public class KnowledgeIndex implements Closeable {

    /** At most this many words of a query are used (a whole case description can be a query). */
    static final int MAX_QUERY_TERMS = 48;
    /** A whole case is searched by its most distinctive words, at most this many. */
    static final int MAX_CASE_TERMS = 12;
    static final int EXCERPT_LENGTH = 240;

    private final Analyzer analyzer = new DanishKnowledgeAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public KnowledgeIndex(Directory directory) {
        try {
            this.directory = directory;
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index", e);
        }
    }

    public static KnowledgeIndex inMemory() {
        return new KnowledgeIndex(new ByteBuffersDirectory());
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Adds or replaces the entry (same kind and ref). */
    public synchronized void put(KnowledgeEntry entry) {
        putAll(List.of(entry));
    }

    /**
     * Adds or replaces the entries; searches see them when this returns (near-real-time), the
     * disk at the next {@link #commitChanges()}. One writer: every change holds the index's lock.
     */
    public synchronized void putAll(Iterable<KnowledgeEntry> entries) {
        try {
            for (KnowledgeEntry entry : entries) {
                writer.updateDocument(new Term(KnowledgeEntry.ID, entry.id()), entry.toDocument());
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void remove(KnowledgeKind kind, String ref) {
        try {
            writer.deleteDocuments(new Term(KnowledgeEntry.ID, KnowledgeEntry.id(kind, ref)));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the whole index by what {@code source} reads, which is read while no other change
     * can reach the index: an update whose data was read before waits and comes after, so none is
     * lost. Searches see the old index until the new one is complete (one commit).
     */
    public synchronized int rebuild(java.util.function.Supplier<List<KnowledgeEntry>> source) {
        List<KnowledgeEntry> entries = source.get();
        replaceAll(entries);
        return entries.size();
    }

    /** The ids of the documents of one kind, sorted. */
    public List<String> ids(KnowledgeKind kind) {
        return List.copyOf(checksums(kind).keySet());
    }

    /** Per document of one kind, by id: the checksum of what it was built from (see KnowledgeEntry#checksum). */
    public SortedMap<String, String> checksums(KnowledgeKind kind) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                SortedMap<String, String> checksums = new TreeMap<>();
                for (var leaf : searcher.getIndexReader().leaves()) {
                    var reader = leaf.reader();
                    var live = reader.getLiveDocs();
                    var stored = reader.storedFields();
                    for (int doc = 0; doc < reader.maxDoc(); doc++) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        Document document = stored.document(doc,
                                Set.of(KnowledgeEntry.ID, KnowledgeEntry.KIND, KnowledgeEntry.CHECKSUM));
                        if (kind.key().equals(document.get(KnowledgeEntry.KIND))) {
                            // a document written before checksums existed has none: it counts as stale
                            checksums.put(document.get(KnowledgeEntry.ID), String.valueOf(document.get(KnowledgeEntry.CHECKSUM)));
                        }
                    }
                }
                return checksums;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One checksum over a kind's documents (id and content checksum, in id order). */
    public static String checksumOf(SortedMap<String, String> checksums) {
        StringBuilder all = new StringBuilder();
        checksums.forEach((id, checksum) -> all.append(id).append('=').append(checksum).append('\n'));
        return KnowledgeEntry.sha256(all.toString());
    }

    /** Replaces the whole index by the entries; searches see the old index until the new one is complete. */
    public synchronized void replaceAll(Iterable<KnowledgeEntry> entries) {
        try {
            writer.deleteAll();
            for (KnowledgeEntry entry : entries) {
                writer.addDocument(entry.toDocument());
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Writes the changes since the last commit to disk, if any: a Lucene commit per closed case
     * would cost every case its fsyncs. What a crash loses before it, the consistency check at
     * start-up finds and rebuilds.
     */
    public synchronized boolean commitChanges() {
        try {
            if (!writer.hasUncommittedChanges()) {
                return false;
            }
            writer.commit();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a text as the index knows them (stemmed, folded, no stop words), each once. */
    public List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(KnowledgeEntry.ALL, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }

    /**
     * The text part of a search: each word may match the title (weighted most), the description,
     * the answer, or anything; a word the index does not know (a typo) matches words one edit away
     * (two in long words) instead. Entries that match more and rarer words score higher (BM25).
     */
    Query textQuery(List<String> terms, int minMatchingWords, IndexReader reader, boolean fuzzy) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(Math.max(1, Math.min(minMatchingWords, terms.size())));
        for (String term : terms) {
            boolean unknown = fuzzy && reader.docFreq(new Term(KnowledgeEntry.ALL, term)) == 0;
            List<Query> alternatives = new ArrayList<>();
            alternatives.add(new BoostQuery(new TermQuery(new Term(KnowledgeEntry.TITLE, term)), 3f));
            alternatives.add(new BoostQuery(new TermQuery(new Term(KnowledgeEntry.BODY, term)), 1.5f));
            alternatives.add(new TermQuery(new Term(KnowledgeEntry.ANSWER, term)));
            alternatives.add(new BoostQuery(new TermQuery(new Term(KnowledgeEntry.ALL, term)), 0.5f));
            if (unknown && term.length() >= 4) {
                int edits = term.length() >= 8 ? 2 : 1;
                alternatives.add(new BoostQuery(new FuzzyQuery(new Term(KnowledgeEntry.ALL, term), edits, 1, 30, true), 0.4f));
            }
            query.add(new DisjunctionMaxQuery(alternatives, 0.1f), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * Most distinctive words of a long text (a whole case), as Lucene's MoreLikeThis does: the
     * rarest first, words in more than a fifth of all entries left out while rarer ones remain.
     */
    List<String> distinctive(List<String> terms, IndexReader reader) throws IOException {
        int common = Math.max(50, reader.numDocs() / 5);
        List<String> known = new ArrayList<>();
        java.util.Map<String, Integer> freq = new java.util.HashMap<>();
        for (String term : terms) {
            int df = reader.docFreq(new Term(KnowledgeEntry.ALL, term));
            if (df > 0) {
                known.add(term);
                freq.put(term, df);
            }
        }
        known.sort(java.util.Comparator.comparing(freq::get));
        List<String> rare = known.stream().filter(t -> freq.get(t) <= common).limit(MAX_CASE_TERMS).toList();
        return rare.size() >= 2 ? rare : known.stream().limit(MAX_CASE_TERMS).toList();
    }

    Query query(KnowledgeQuery request, Query text, Set<KnowledgeKind> kinds) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (request.component() != null && !request.component().isBlank()) {
            query.add(new TermQuery(new Term(KnowledgeEntry.COMPONENT, KnowledgeEntry.componentKey(request.component()))),
                    BooleanClause.Occur.FILTER);
        }
        BooleanQuery.Builder kindFilter = new BooleanQuery.Builder();
        kinds.forEach(k -> kindFilter.add(new TermQuery(new Term(KnowledgeEntry.KIND, k.key())), BooleanClause.Occur.SHOULD));
        query.add(kindFilter.build(), BooleanClause.Occur.FILTER);
        if (request.onlyWithMinSupport()) {
            query.add(new TermQuery(new Term(KnowledgeEntry.HAS_MINSUPPORT, "true")), BooleanClause.Occur.FILTER);
        }
        if (request.excludeId() != null) {
            query.add(new TermQuery(new Term(KnowledgeEntry.ID, request.excludeId())), BooleanClause.Occur.MUST_NOT);
        }
        if (request.preferComponent() != null && !request.preferComponent().isBlank()) {
            query.add(new BoostQuery(new TermQuery(new Term(KnowledgeEntry.COMPONENT,
                    KnowledgeEntry.componentKey(request.preferComponent()))), 2f), BooleanClause.Occur.SHOULD);
        }
        if (request.preferErrorClass() != null) {
            query.add(new TermQuery(new Term(KnowledgeEntry.ERROR_CLASS, request.preferErrorClass())), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private record Scored(Document doc, float score) {
    }

    /**
     * Ranked hits; none when the text has no searchable words. Edited entries (known errors,
     * articles) and solved cases are searched separately, and each score is multiplied by its
     * kind's boost before the two lists are merged: the same ranking as boosting in one query,
     * but Lucene can still skip documents that cannot make the top (which a per-document boost
     * prevents), and the few edited entries never crowd the cases out of the search.
     */
    public List<KnowledgeHit> search(KnowledgeQuery request) {
        List<String> terms = terms(request.text());
        if (terms.isEmpty()) {
            return List.of();
        }
        int limit = Math.max(1, request.limit());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                boolean wholeCase = request.minMatchingWords() > 1;
                List<String> chosen = wholeCase ? distinctive(terms, reader) : terms;
                if (chosen.isEmpty()) {
                    return List.of();
                }
                Query text = textQuery(chosen, request.minMatchingWords(), reader, !wholeCase);
                List<Scored> scored = new ArrayList<>();
                for (Set<KnowledgeKind> group : List.of(EnumSet.of(KnowledgeKind.KNOWN_ERROR, KnowledgeKind.ARTICLE),
                        EnumSet.of(KnowledgeKind.CASE))) {
                    if (!request.kinds().isEmpty()) {
                        group.retainAll(request.kinds());
                    }
                    if (group.isEmpty()) {
                        continue;
                    }
                    for (ScoreDoc scoreDoc : searcher.search(query(request, text, group), limit).scoreDocs) {
                        Document doc = searcher.storedFields().document(scoreDoc.doc);
                        scored.add(new Scored(doc, scoreDoc.score * KnowledgeKind.ofKey(doc.get(KnowledgeEntry.KIND)).boost()));
                    }
                }
                scored.sort(java.util.Comparator.comparingDouble(Scored::score).reversed());
                Highlighter highlighter = wholeCase ? null : highlighter(text);
                List<KnowledgeHit> hits = new ArrayList<>();
                for (Scored hit : scored.subList(0, Math.min(limit, scored.size()))) {
                    hits.add(hit(hit.doc(), hit.score(), highlighter));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Highlighter highlighter(Query text) {
        QueryScorer scorer = new QueryScorer(text, KnowledgeEntry.ANSWER);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, EXCERPT_LENGTH));
        return highlighter;
    }

    private KnowledgeHit hit(Document doc, float score, Highlighter highlighter) throws IOException {
        KnowledgeKind kind = KnowledgeKind.ofKey(doc.get(KnowledgeEntry.KIND));
        String ref = doc.get(KnowledgeEntry.REF);
        String date = doc.get(KnowledgeEntry.DATE);
        String answer = doc.get(KnowledgeEntry.ANSWER);
        return new KnowledgeHit(kind.key(), ref, kind == KnowledgeKind.CASE ? ref : null, doc.get(KnowledgeEntry.TITLE),
                excerpt(answer, highlighter), answer, doc.get(KnowledgeEntry.ERROR_CLASS),
                doc.get(KnowledgeEntry.COMPONENT_DISPLAY),
                date == null ? null : Instant.ofEpochMilli(Long.parseLong(date)),
                doc.get(KnowledgeEntry.MINSUPPORT), doc.get(KnowledgeEntry.SOURCE_LINK), score);
    }

    private String excerpt(String answer, Highlighter highlighter) throws IOException {
        if (answer == null || answer.isEmpty()) {
            return "";
        }
        try {
            if (highlighter == null) {
                throw new InvalidTokenOffsetsException("no highlighting for whole-case searches");
            }
            String best = highlighter.getBestFragment(analyzer, KnowledgeEntry.ANSWER, answer);
            if (best != null) {
                return best.strip() + (answer.length() > EXCERPT_LENGTH ? " …" : "");
            }
        } catch (InvalidTokenOffsetsException e) {
            // fall through to the plain beginning
        }
        String start = answer.length() > EXCERPT_LENGTH ? answer.substring(0, EXCERPT_LENGTH) + " …" : answer;
        return new SimpleHTMLEncoder().encodeText(start);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
