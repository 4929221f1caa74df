package dk.supportflow.knowledge;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The store of solved cases that later searches draw on. */
@Service
public class SolvedCases {

    private final SolvedCaseRepository repository;

    public SolvedCases(SolvedCaseRepository repository) {
        this.repository = repository;
    }

    /** Stores a closed case once; a retried close job finds it already there. */
    @Transactional
    public SolvedCase record(SolvedCase solved) {
        return repository.findByCaseNumber(solved.getCaseNumber()).orElseGet(() -> repository.save(solved));
    }

    public Optional<SolvedCase> find(String caseNumber) {
        return repository.findByCaseNumber(caseNumber);
    }
}
