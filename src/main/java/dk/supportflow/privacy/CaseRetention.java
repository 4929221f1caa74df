package dk.supportflow.privacy;

import dk.supportflow.cases.CasePersonalData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case data is kept only as long as needed: every night the personal data of cases closed longer
 * ago than {@code supportflow.privacy.retention-after-close} is removed (CasePersonalData), in
 * batches of one transaction each, so a long run neither holds locks for long nor loses
 * finished batches if it stops. Each batch is audited with its case numbers; the log gets counts.
 */
@Component
public class CaseRetention {

    /** The actor of retention runs in privacy_audit. */
    public static final String ACTOR = "system:retention";
    private static final Logger LOG = LoggerFactory.getLogger(CaseRetention.class);
    private static final int MAX_BATCH_SIZE = 1000;

    public record Result(int casesAnonymised, int batches, Instant closedBefore) {
    }

    private final CasePersonalData personalData;
    private final PrivacyAuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retentionAfterClose;
    private final int batchSize;

    /** The clock is a parameter so that a test can run the job as if time had passed. */
    public CaseRetention(CasePersonalData personalData, PrivacyAuditLog audit, TransactionTemplate transactions, Clock clock,
            @Value("${supportflow.privacy.retention-after-close}") String retentionAfterClose,
            @Value("${supportflow.privacy.retention-batch-size}") int batchSize) {
        this.personalData = personalData;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.retentionAfterClose = parse(retentionAfterClose);
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            // the audit row of a batch lists its case numbers
            throw new IllegalStateException("supportflow.privacy.retention-batch-size must be 1.." + MAX_BATCH_SIZE);
        }
        this.batchSize = batchSize;
    }

    @Scheduled(cron = "${supportflow.privacy.retention-cron}", zone = "Europe/Copenhagen")
    void nightly() {
        run();
    }

    /** Anonymises every case that is due; safe to repeat and to run at any time. */
    public Result run() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retentionAfterClose);
        int anonymised = 0;
        int batches = 0;
        List<String> batch;
        do {
            batch = transactions.execute(status -> {
                List<String> caseNumbers = personalData.anonymiseClosedBefore(cutoff, batchSize, now);
                if (!caseNumbers.isEmpty()) {
                    audit.record(ACTOR, PrivacyAudit.Action.RETENTION, caseNumbers);
                }
                return caseNumbers;
            });
            anonymised += batch.size();
            batches += batch.isEmpty() ? 0 : 1;
        } while (batch.size() == batchSize);
        if (anonymised == 0) {
            // a run that found nothing is audited too: the trail shows the job ran
            transactions.executeWithoutResult(status -> audit.record(ACTOR, PrivacyAudit.Action.RETENTION, List.of()));
        }
        LOG.info("Retention: anonymised {} closed cases in {} batches (closed before {})", anonymised, batches, cutoff);
        return new Result(anonymised, batches, cutoff);
    }

    private static Duration parse(String value) {
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalStateException("supportflow.privacy.retention-after-close must be positive, was " + value);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("supportflow.privacy.retention-after-close must be an ISO 8601 duration "
                    + "in days or hours (P365D, PT12H), was " + value, e);
        }
    }
}
