package dk.supportflow.waitingtime;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.CaseView;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.minsupport.MinSupportAnswers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Whose clock is it, on the real engine: cases driven step by step with the engine clock
 * (Camunda's ClockUtil, which our Clock bean follows) moved forward between the steps.
 */
@SupportflowTest
class CaseClockTest {

    /** Mails go somewhere, so that failed sends do not keep the dispatcher busy. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    MinSupportAnswers minSupportAnswers;
    @Autowired
    HistoryService historyService;
    @Autowired
    CaseWaitingTimeRepository stored;
    @Autowired
    CaseClock caseClock;
    @Autowired
    Clock clock;
    @Autowired
    TestRestTemplate rest;

    private Instant now;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    /** Sets the engine clock (and so ours) to a fixed time. */
    private void at(Instant time) {
        now = time;
        ClockUtil.setCurrentTime(Date.from(time));
    }

    private void after(Duration duration) {
        at(now.plus(duration));
    }

    private CaseView.WaitingTime waiting(String caseNumber) {
        return cases.view(caseNumber, "support1", true).waitingTime();
    }

    @Test
    void theAppClockIsTheEngineClock() {
        at(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(clock.instant()).isEqualTo(now);
        ClockUtil.reset();
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void escalatedCaseAccountsAnalysisReporterAndMinSupportExactly() {
        at(Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        Instant opened = now;
        var supportCase = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = supportCase.processInstanceId();
        String caseNumber = supportCase.caseNumber();
        assertThat(waiting(caseNumber)).isEqualTo(new CaseView.WaitingTime("PT0S", "PT0S", "PT0S", "PT0S", "municipality"));

        // 1 hour of analysis, then a question to the reporter, who answers a day later
        after(Duration.ofHours(1));
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("needMoreInfo", "processError", "Hvilken brevskabelon brugte du?"));
        scenario.executeJob(pi, Elements.TASK_MAIL_QUESTION);
        after(Duration.ofHours(6));
        assertThat(waiting(caseNumber)).isEqualTo(new CaseView.WaitingTime("PT1H", "PT6H", "PT0S", "PT0S", "reporter"));
        after(Duration.ofHours(18));
        scenario.complete(pi, Tasks.PROVIDE_MORE_INFO, "superbruger1", Map.of(Vars.ADDITIONAL_INFO, "Afgørelse om boligstøtte"));

        // another hour of analysis, half an hour to report it to MinSupport
        after(Duration.ofHours(1));
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", analysis("escalate", "technicalError", null));
        after(Duration.ofMinutes(30));
        scenario.reportToMinSupport(pi, "support1", ticket("MS-CLOCK-1", "hoej"));

        // a day at MinSupport, as the reporter reads it through the API
        after(Duration.ofDays(1));
        var read = new Api(rest).get("superbruger1", "/api/cases/" + caseNumber);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<?, ?>) read.getBody().get("waitingTime")).isEqualTo(Map.of("municipality", "PT2H30M",
                "reporter", "P1D", "vendor", "P1D", "integration", "PT0S", "currentlyWaitingOn", "vendor"));

        // a follow-up without an answer; the answer comes two days later by message
        scenario.executeJob(pi, Elements.TIMER_FOLLOW_UP_DUE);
        scenario.executeJob(pi, Elements.TASK_MAIL_FOLLOW_UP_REMINDER);
        after(Duration.ofHours(2));
        scenario.complete(pi, Tasks.FOLLOW_UP_MINSUPPORT, "support1", Map.of(Vars.MINSUPPORT_ANSWERED, false));
        after(Duration.ofHours(46));
        assertThat(minSupportAnswers.receive("MS-CLOCK-1", "Rettet i 24.4", null)).containsExactly(caseNumber);
        Instant answered = now;

        // the municipality's again: 20 minutes to forward the answer, 10 to plan the sharing
        after(Duration.ofMinutes(20));
        assertThat(waiting(caseNumber)).isEqualTo(new CaseView.WaitingTime("PT2H50M", "P1D", "P3D", "PT0S", "municipality"));
        scenario.complete(pi, Tasks.FORWARD_ANSWER, "support1", Map.of(Vars.ANSWER, "Rettet i 24.4, som kommer fredag."));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        after(Duration.ofMinutes(10));
        scenario.complete(pi, Tasks.PLAN_KNOWLEDGE_SHARING, "support1", Map.of(Vars.SHARE_WITH_CASEWORKERS, false));
        scenario.closeCase(pi);

        CaseView closed = cases.view(caseNumber, "support1", true);
        assertThat(closed.stage()).isEqualTo("closed");
        assertThat(closed.waitingTime()).isEqualTo(new CaseView.WaitingTime("PT3H", "P1D", "P3D", "PT0S", null));

        // kept on close, with what the MinSupport report needs
        CaseWaitingTime kept = stored.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(kept.getOpenedAt()).isEqualTo(opened);
        assertThat(kept.getClosedAt()).isEqualTo(now).isEqualTo(closed.closedAt());
        assertThat(kept.getVendorTime()).isEqualTo(Duration.ofDays(3));
        assertThat(kept.getMinSupportReportedAt()).isEqualTo(opened.plus(Duration.parse("P1DT2H30M")));
        assertThat(kept.getMinSupportAnsweredAt()).isEqualTo(answered);
        assertThat(kept.getMinSupportCaseNumber()).isEqualTo("MS-CLOCK-1");
        assertThat(kept.getCriticality()).isEqualTo("hoej");
        assertThat(kept.getTicketType()).isEqualTo("fejlsag");

        // ... and still shown once Camunda's history cleanup has removed the case
        historyService.deleteHistoricProcessInstance(pi);
        after(Duration.ofDays(200));
        assertThat(waiting(caseNumber)).isEqualTo(new CaseView.WaitingTime("PT3H", "P1D", "P3D", "PT0S", null));
    }

    @Test
    void waitingForAnIntegrationIsCountedApart() {
        at(Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        var supportCase = scenario.open("Integration til eIndkomst svarer ikke ved hentning af indkomst");
        String pi = supportCase.processInstanceId();
        after(Duration.ofMinutes(45));
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", analysis("waitAndRetry", "integrationError", null));
        after(Duration.ofHours(1));
        assertThat(waiting(supportCase.caseNumber()))
                .isEqualTo(new CaseView.WaitingTime("PT45M", "PT0S", "PT0S", "PT1H", "integration"));
        after(Duration.ofHours(1));
        scenario.executeJob(pi, Elements.TIMER_WAIT_INTEGRATION);
        after(Duration.ofMinutes(15));
        scenario.complete(pi, Tasks.RETRY_INTEGRATION, "support1",
                Map.of(Vars.OUTCOME, "solvedLocally", Vars.ANSWER, "Integrationen virker igen. Hent indkomsten på ny."));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        scenario.complete(pi, Tasks.PLAN_KNOWLEDGE_SHARING, "support1", Map.of(Vars.SHARE_WITH_CASEWORKERS, false));
        scenario.closeCase(pi);

        CaseView.WaitingTime expected = new CaseView.WaitingTime("PT1H", "PT0S", "PT0S", "PT2H", null);
        assertThat(waiting(supportCase.caseNumber())).isEqualTo(expected);
        CaseWaitingTime kept = stored.findByCaseNumber(supportCase.caseNumber()).orElseThrow();
        // never at MinSupport: nothing for the MinSupport report
        assertThat(kept.getMinSupportReportedAt()).isNull();
        assertThat(kept.getMinSupportCaseNumber()).isNull();
        assertThat(kept.getCriticality()).isNull();

        // a case closed before the figures were kept gets them from the history at start-up
        stored.delete(kept);
        assertThat(waiting(supportCase.caseNumber())).as("from the history").isEqualTo(expected);
        caseClock.backfill();
        CaseWaitingTime backfilled = stored.findByCaseNumber(supportCase.caseNumber()).orElseThrow();
        assertThat(backfilled.toWaitingTimes().toView()).isEqualTo(expected);
        assertThat(backfilled.getClosedAt()).isEqualTo(now);
        assertThat(caseClock.backfill()).as("nothing left to do").isZero();
    }

    static Map<String, Object> ticket(String minSupportCaseNumber, String criticality) {
        Map<String, Object> ticket = new HashMap<>();
        ticket.put(Vars.MINSUPPORT_CASE_NUMBER, minSupportCaseNumber);
        ticket.put(Vars.EXISTING_MINSUPPORT_CASE, false);
        ticket.put(Vars.TICKET_TYPE, "fejlsag");
        ticket.put(Vars.TICKET_TITLE, "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        ticket.put(Vars.CRITICALITY, criticality);
        ticket.put(Vars.CRITICALITY_JUSTIFICATION, "Sagsbehandlerne kan ikke afslutte beregningen.");
        return ticket;
    }
}
