package dk.supportflow.cases;

import dk.supportflow.privacy.CprCipher;
import dk.supportflow.privacy.CprLookup;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives cases registered before the {@code cpr_lookup} column existed their lookup value, at
 * start-up and before every search by CPR, so that a citizen's request finds old cases too. SQL
 * cannot compute it: it needs the decrypted number and the lookup key.
 */
@Component
public class CprIndex implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CprIndex.class);
    private static final int BATCH = 100;

    private final SupportCaseRepository cases;
    private final CprCipher cprCipher;
    private final CprLookup cprLookup;
    private final TransactionTemplate transactions;

    public CprIndex(SupportCaseRepository cases, CprCipher cprCipher, CprLookup cprLookup, TransactionTemplate transactions) {
        this.cases = cases;
        this.cprCipher = cprCipher;
        this.cprLookup = cprLookup;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        int indexed = indexMissing();
        if (indexed > 0) {
            LOG.info("Added the CPR lookup value to {} older cases", indexed);
        }
    }

    /** Indexes every case with a CPR number but no lookup value; returns how many. Cheap when there are none. */
    public int indexMissing() {
        int indexed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> done = transactions.execute(status -> indexBatch(from));
            if (done.isEmpty()) {
                return indexed;
            }
            indexed += (int) done.stream().filter(id -> id > 0).count();
            after = done.stream().mapToLong(Math::abs).max().orElseThrow();
        }
    }

    /** Ids of the batch, negative for a case that could not be decrypted (skipped, not retried in this run). */
    private List<Long> indexBatch(long afterId) {
        return cases.findByIdGreaterThanAndCprLookupIsNullAndCprEncryptedIsNotNullOrderByIdAsc(afterId, Limit.of(BATCH))
                .stream()
                .map(supportCase -> {
                    try {
                        supportCase.indexCpr(cprLookup.hash(cprCipher.decrypt(supportCase.getCprEncrypted())));
                        return supportCase.getId();
                    } catch (IllegalStateException e) {
                        // a wrong or unknown key: say which case, never the value
                        LOG.warn("Case {} has a CPR number that cannot be decrypted; it cannot be found by CPR",
                                supportCase.getCaseNumber());
                        return -supportCase.getId();
                    }
                })
                .toList();
    }
}
