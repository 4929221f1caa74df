package dk.supportflow.knowledge;

import dk.supportflow.cases.CaseAnonymised;
import dk.supportflow.cases.CaseClosed;
import dk.supportflow.cases.CaseFacts;
import java.util.Collection;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store of solved cases that later searches draw on: a closed case becomes one
 * ({@link CaseClosed}), an anonymised one loses what it copied of the report ({@link CaseAnonymised}).
 */
@Service
public class SolvedCases implements CaseFacts.Solutions {

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
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseAnonymised(CaseAnonymised event) {
        eraseReport(event.caseNumber(), event.reportTexts(), event.placeholder());
    }

    private void eraseReport(String caseNumber, Collection<String> reportTexts, String placeholder) {
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
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseClosed(CaseClosed closed) {
        record(new SolvedCase(closed.caseNumber(), closed.title(), closed.symptom(), closed.component(), closed.errorClass(),
                closed.outcome(), closed.answer(), closed.minSupportCaseNumber(), closed.closedAt()));
    }

    @Transactional
    public SolvedCase record(SolvedCase solved) {
        SolvedCase stored = repository.findByCaseNumber(solved.getCaseNumber()).orElseGet(() -> repository.save(solved));
        search.indexAfterCommit(stored.toEntry());
        return stored;
    }

    public Optional<SolvedCase> find(String caseNumber) {
        return repository.findByCaseNumber(caseNumber);
    }

    @Override
    public Optional<CaseFacts.Solution> of(String caseNumber) {
        return find(caseNumber).map(solved -> new CaseFacts.Solution(solved.getOutcome(), solved.getErrorClass(),
                solved.getMinSupportCaseNumber(), solved.getAnswer()));
    }
}
