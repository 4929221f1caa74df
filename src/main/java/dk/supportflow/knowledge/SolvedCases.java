package dk.supportflow.knowledge;

import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The store of solved cases that later searches draw on. */
@Service
public class SolvedCases {

    private final SolvedCaseRepository repository;
    private final KnowledgeArticleRepository articles;
    private final KnowledgeSearch search;

    public SolvedCases(SolvedCaseRepository repository, KnowledgeArticleRepository articles, KnowledgeSearch search) {
        this.repository = repository;
        this.articles = articles;
        this.search = search;
    }

    /**
     * A case's personal data is erased (retention or erasure on request): its solved case loses
     * the symptom, which was built from the report, and articles written from it lose what was
     * copied from the report; the search index follows when the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseReport(String caseNumber, Collection<String> reportTexts, String placeholder) {
        repository.findByCaseNumber(caseNumber).ifPresent(solved -> {
            solved.eraseReport(placeholder);
            search.indexAfterCommit(solved.toEntry());
        });
        for (KnowledgeArticle article : articles.findByCaseNumber(caseNumber)) {
            if (article.eraseCopiesOf(reportTexts, placeholder) && article.getRetiredAt() == null) {
                search.indexAfterCommit(article.toEntry());
            }
        }
    }

    /**
     * Stores a closed case once; a retried close job finds it already there. The case enters the
     * search index when the transaction commits (not before: a rolled-back job leaves no hit).
     */
    @Transactional
    public SolvedCase record(SolvedCase solved) {
        SolvedCase stored = repository.findByCaseNumber(solved.getCaseNumber()).orElseGet(() -> repository.save(solved));
        search.indexAfterCommit(stored.toEntry());
        return stored;
    }

    public Optional<SolvedCase> find(String caseNumber) {
        return repository.findByCaseNumber(caseNumber);
    }
}
