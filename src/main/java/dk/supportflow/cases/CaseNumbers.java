package dk.supportflow.cases;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Year;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Hands out case numbers SUP-&lt;year&gt;-&lt;six digits&gt;, counting from 1 each year, safe across nodes. */
@Component
class CaseNumbers {

    private final EntityManager entityManager;
    private final Clock clock;

    CaseNumbers(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next() {
        int year = Year.now(clock).getValue();
        CaseNumberCounter counter = entityManager.find(CaseNumberCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new CaseNumberCounter(year);
            entityManager.persist(counter);
            entityManager.flush();
        }
        return "SUP-%d-%06d".formatted(year, counter.next());
    }
}
