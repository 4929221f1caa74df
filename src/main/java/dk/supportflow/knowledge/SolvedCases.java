package dk.supportflow.knowledge;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The store of solved cases that later searches draw on. */
@Service
public class SolvedCases {

    private final SolvedCaseRepository repository;
    private final KnowledgeSearch search;

    public SolvedCases(SolvedCaseRepository repository, KnowledgeSearch search) {
        this.repository = repository;
        this.search = search;
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
