package dk.supportflow.privacy;

import dk.supportflow.platform.JobLease;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case data is kept only as long as needed: every night the personal data of cases closed longer
 * ago than {@code supportflow.privacy.retention-after-close} is removed (PersonalDataHolder), in
 * batches of one transaction each, so a long run neither holds locks for long nor loses
 * finished batches if it stops. Each batch is audited with its case numbers; the log gets counts.
 * A batch that fails is done again case by case: a case that cannot be anonymised is logged,
 * counted (metric {@code supportflow.retention.skipped}) and left for the next run, and never
 * holds up the others. One node runs it at a time (JobLease).
 */
@Component
public class CaseRetention {

    /** The actor of retention runs in privacy_audit. */
    public static final String ACTOR = "system:retention";
    private static final Logger LOG = LoggerFactory.getLogger(CaseRetention.class);
    private static final int MAX_BATCH_SIZE = 1000;

    public record Result(int casesAnonymised, int batches, Instant closedBefore, List<String> casesSkipped) {
    }

    static final String LEASE = "retention";
    private static final Duration LEASE_DURATION = Duration.ofHours(6);

    private final PersonalDataHolder personalData;
    private final PrivacyAuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retentionAfterClose;
    private final int batchSize;
    private final JobLease lease;
    private final Counter skippedCases;

    /** The clock is a parameter so that a test can run the job as if time had passed. */
    public CaseRetention(PersonalDataHolder personalData, PrivacyAuditLog audit, TransactionTemplate transactions, Clock clock,
            @Value("${supportflow.privacy.retention-after-close}") String retentionAfterClose,
            @Value("${supportflow.privacy.retention-batch-size}") int batchSize, JobLease lease, MeterRegistry meters) {
        this.lease = lease;
        this.skippedCases = Counter.builder("supportflow.retention.skipped")
                .description("Cases the retention job could not anonymise (left for the next run)").register(meters);
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

    /**
     * Anonymises every case that is due; safe to repeat and to run at any time. Returns null
     * without doing anything while another node runs it.
     */
    public Result run() {
        if (!lease.take(LEASE, LEASE_DURATION)) {
            LOG.info("Retention: another node is running it; this node leaves it");
            return null;
        }
        try {
            return runHoldingTheLease();
        } finally {
            lease.giveBack(LEASE);
        }
    }

    private Result runHoldingTheLease() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retentionAfterClose);
        int anonymised = 0;
        int batches = 0;
        List<String> skipped = new ArrayList<>();
        List<String> due;
        do {
            due = personalData.dueForRetention(cutoff, batchSize, skipped);
            if (due.isEmpty()) {
                break;
            }
            if (anonymise(due, now)) {
                anonymised += due.size();
                batches++;
                continue;
            }
            // the batch failed: one case at a time, so one case cannot hold up the others
            for (String caseNumber : due) {
                if (anonymise(List.of(caseNumber), now)) {
                    anonymised++;
                    batches++;
                } else {
                    skipped.add(caseNumber);
                    skippedCases.increment();
                }
            }
        } while (true);
        if (anonymised == 0) {
            // a run that found nothing is audited too: the trail shows the job ran
            transactions.executeWithoutResult(status -> audit.record(ACTOR, PrivacyAudit.Action.RETENTION, List.of()));
        }
        LOG.info("Retention: anonymised {} closed cases in {} batches (closed before {}); {} skipped", anonymised, batches,
                cutoff, skipped.size());
        return new Result(anonymised, batches, cutoff, List.copyOf(skipped));
    }

    /** One transaction: the cases anonymised and audited, or nothing at all. */
    private boolean anonymise(List<String> caseNumbers, Instant now) {
        try {
            transactions.executeWithoutResult(status -> {
                personalData.anonymiseAfterRetention(caseNumbers, now);
                audit.record(ACTOR, PrivacyAudit.Action.RETENTION, caseNumbers);
            });
            return true;
        } catch (RuntimeException e) {
            if (caseNumbers.size() == 1) {
                // the case number only: the exception may carry the case's texts
                LOG.error("Retention: case {} could not be anonymised ({}); it is tried again at the next run",
                        caseNumbers.get(0), e.getClass().getSimpleName());
            }
            return false;
        }
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
