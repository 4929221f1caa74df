package dk.supportflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.RepositorySlice;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case row's queries and columns on the database alone: retention, open MinSupport cases, the stage. */
@RepositorySlice
class SupportCaseRepositoryTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    SupportCaseRepository cases;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void retentionTakesTheOldestClosedCasesThatStillHoldPersonalDataAndSkipsWhatItIsTold() {
        SupportCase oldest = closed(NOW.minus(Duration.ofDays(400)));
        SupportCase older = closed(NOW.minus(Duration.ofDays(380)));
        SupportCase skipped = closed(NOW.minus(Duration.ofDays(390)));
        SupportCase anonymised = closed(NOW.minus(Duration.ofDays(395)));
        anonymised.markAnonymised(NOW);
        SupportCase recent = closed(NOW.minus(Duration.ofDays(10)));
        SupportCase open = save(newCase());
        cases.flush();

        List<String> due = cases.findDueForRetention(NOW.minus(Duration.ofDays(365)), List.of(skipped.getCaseNumber()),
                Limit.of(1000)).stream().map(SupportCase::getCaseNumber).toList();

        assertThat(due).contains(oldest.getCaseNumber(), older.getCaseNumber())
                .doesNotContain(skipped.getCaseNumber(), anonymised.getCaseNumber(), recent.getCaseNumber(), open.getCaseNumber());
        assertThat(due.indexOf(oldest.getCaseNumber())).as("oldest first").isLessThan(due.indexOf(older.getCaseNumber()));
    }

    @Test
    void openCasesWithAMinSupportCaseAreTheOnesStillOpenWithANumber() {
        SupportCase waiting = newCase();
        waiting.follow("technicalError", "MS-REPO-1");
        waiting.awaitMinSupport(true, NOW);
        save(waiting);
        SupportCase answeredAndClosed = newCase();
        answeredAndClosed.follow("technicalError", "MS-REPO-2");
        answeredAndClosed.close(NOW);
        save(answeredAndClosed);
        SupportCase inAnalysis = save(newCase());
        cases.flush();

        assertThat(cases.findByClosedAtIsNullAndMinSupportCaseNumberIsNotNullOrderByCaseNumberAsc())
                .extracting(SupportCase::getCaseNumber).contains(waiting.getCaseNumber())
                .doesNotContain(answeredAndClosed.getCaseNumber(), inAnalysis.getCaseNumber());
        assertThat(answeredAndClosed.isAwaitingMinSupport()).as("closing ends the wait").isFalse();
    }

    @Test
    void theStageIsStoredByItsKeyAndAClosedCaseIsClosed() {
        SupportCase row = newCase();
        row.enter(CaseStage.MINSUPPORT);
        row.rate("hoej");
        save(row);
        cases.flush();

        assertThat(jdbc.queryForObject("select stage from support_case where case_number = ?", String.class, row.getCaseNumber()))
                .isEqualTo("minSupport");
        assertThat(jdbc.queryForObject("select count(*) from support_case where closed_at is null and stage = 'minSupport' "
                + "and criticality = 'hoej' and case_number = ?", Integer.class, row.getCaseNumber())).isOne();

        row.close(NOW);
        cases.flush();
        assertThat(jdbc.queryForObject("select stage from support_case where case_number = ?", String.class, row.getCaseNumber()))
                .isEqualTo("closed");
        assertThat(row.getStage()).isEqualTo(CaseStage.CLOSED);
    }

    private SupportCase closed(Instant when) {
        SupportCase row = newCase();
        row.close(when);
        return save(row);
    }

    private SupportCase save(SupportCase row) {
        return cases.save(row);
    }

    private static SupportCase newCase() {
        String number = "SUP-REPO-" + UUID.randomUUID().toString().substring(0, 8);
        return new SupportCase(number, new OnBehalf.Reporting("superbruger1", null, null),
                CaseScenario.report("Opgaven \"Beregn tillæg\" afsluttes ikke"), "Beregn tillæg", null, null, NOW);
    }
}
