package dk.supportflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.notification.OutboxMailRepository;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.platform.JobLease;
import dk.supportflow.privacy.CaseRetention;
import dk.supportflow.privacy.PrivacyAuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Retention goes on past a case it cannot anonymise, and runs on one node at a time. */
@SupportflowTest
class RetentionResilienceTest {

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    SupportCaseRepository caseRows;
    @Autowired
    CaseInformationRepository information;
    @Autowired
    OutboxMailRepository outbox;
    @Autowired
    CaseProcessData processData;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    CaseDialogue dialogue;
    @Autowired
    PrivacyAuditLog audit;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JobLease lease;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CprIndex cprIndex;

    @Test
    void aCaseThatCannotBeAnonymisedIsSkippedCountedAndDoesNotHoldUpTheOthers() {
        String broken = closedCase("Opgaven \"Beregn tillæg\" afsluttes ikke – opbevaring X");
        String fine = closedCase("Opgaven \"Beregn tillæg\" afsluttes ikke – opbevaring Y");
        // a fault in one case (a constraint, a lock, a bug): its transaction fails, whatever the cause
        CasePersonalData failingForOne = new CasePersonalData(caseRows, information, outbox, processData, events, dialogue, cprIndex) {
            @Override
            public void anonymiseAfterRetention(List<String> caseNumbers, Instant now) {
                if (caseNumbers.contains(broken)) {
                    throw new IllegalStateException("fault in " + broken);
                }
                super.anonymiseAfterRetention(caseNumbers, now);
            }
        };
        double skippedBefore = meters.counter("supportflow.retention.skipped").count();

        CaseRetention.Result result = retention(failingForOne).run();

        assertThat(result.casesSkipped()).containsExactly(broken);
        assertThat(caseRows.findByCaseNumber(fine).orElseThrow().getAnonymisedAt()).isNotNull();
        assertThat(caseRows.findByCaseNumber(broken).orElseThrow().getAnonymisedAt()).isNull();
        assertThat(meters.counter("supportflow.retention.skipped").count()).isEqualTo(skippedBefore + 1);
        // the next run (the fault gone) takes it
        assertThat(retention(personalData()).run().casesSkipped()).isEmpty();
        assertThat(caseRows.findByCaseNumber(broken).orElseThrow().getAnonymisedAt()).isNotNull();
    }

    @Test
    void whileAnotherNodeHoldsTheLeaseThisOneLeavesTheJob() {
        String due = closedCase("Opgaven \"Beregn tillæg\" afsluttes ikke – opbevaring Z");
        jdbc.update("update job_lease set holder = 'another-node', leased_until = ? where name = 'retention'",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1))));
        try {
            assertThat(retention(personalData()).run()).isNull();
            assertThat(caseRows.findByCaseNumber(due).orElseThrow().getAnonymisedAt()).isNull();
        } finally {
            jdbc.update("update job_lease set holder = null, leased_until = null where name = 'retention'");
        }
        assertThat(retention(personalData()).run()).isNotNull();
        assertThat(caseRows.findByCaseNumber(due).orElseThrow().getAnonymisedAt()).isNotNull();
    }

    private CasePersonalData personalData() {
        return new CasePersonalData(caseRows, information, outbox, processData, events, dialogue, cprIndex);
    }

    /** Retention as if a year and a day had passed, in batches of ten. */
    private CaseRetention retention(CasePersonalData data) {
        Instant later = Instant.now().plus(Duration.ofDays(366));
        return new CaseRetention(data, audit, transactions, Clock.fixed(later, ClockConfig.ZONE), "P365D", 10, lease, meters);
    }

    private String closedCase(String title) {
        var opened = scenario.open(title);
        scenario.solveLocallyAndClose(opened.processInstanceId(), "userError", "Vælg ydelsen helbredstillæg.");
        return opened.caseNumber();
    }
}
