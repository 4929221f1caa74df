package dk.supportflow.cases;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Year;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers SUP-&lt;year&gt;-&lt;six digits&gt;, counting from 1 each year, safe across
 * nodes: the year's counter row is locked until the transaction that takes a number ends. In a
 * transaction of its own when the caller has none (see SupportCaseService.openCase).
 */
@Component
class CaseNumbers {

    private final EntityManager entityManager;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    CaseNumbers(EntityManager entityManager, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    String next() {
        int year = Year.now(clock).getValue();
        CaseNumberCounter counter = entityManager.find(CaseNumberCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            createCounter(year);
            counter = entityManager.find(CaseNumberCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
        }
        return "SUP-%d-%06d".formatted(year, counter.next());
    }

    /**
     * The year's first case: its counter row is created in a transaction of its own, so that when
     * two cases (or nodes) start the year at the same moment, the one that loses the insert simply
     * takes the winner's row instead of failing.
     */
    private void createCounter(int year) {
        try {
            newTransaction.executeWithoutResult(status ->
                    jdbc.update("insert into case_number_counter (case_year, last_value) values (?, 0)", year));
        } catch (DataIntegrityViolationException anotherWasFirst) {
            // the row exists now, which is all we need
        }
    }
}
