package dk.supportflow.waitingtime;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.minsupport.MinSupportAnswers;
import dk.supportflow.platform.ClockConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/reports/minsupport on real cases of every criticality, driven with the engine clock
 * moved. The cases are reported to MinSupport about 200 days ago, and the report is asked for
 * those days only, so cases of other tests (reported today) do not count.
 */
@SupportflowTest
class MinSupportReportTest {

    /** Mails go somewhere, so that failed sends do not keep the dispatcher busy. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    CaseScenario scenario;
    @Autowired
    MinSupportAnswers minSupportAnswers;
    @Autowired
    HistoryService historyService;
    @Autowired
    CaseWaitingTimeRepository stored;
    @Autowired
    TestRestTemplate rest;

    Api api;
    private Instant now;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    private void at(Instant time) {
        now = time;
        ClockUtil.setCurrentTime(Date.from(time));
    }

    private record Escalated(String caseNumber, String processInstanceId) {
    }

    /** Opens a case and reports it to MinSupport now. */
    private Escalated escalate(String minSupportNumber, String criticality, String ticketType, boolean existing) {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        scenario.escalate(opened.processInstanceId(), minSupportNumber, criticality, ticketType, existing);
        return new Escalated(opened.caseNumber(), opened.processInstanceId());
    }

    private Escalated escalate(String minSupportNumber, String criticality) {
        return escalate(minSupportNumber, criticality, "fejlsag", false);
    }

    private void answer(String minSupportNumber, Duration afterBase, Instant base) {
        answer(minSupportNumber, afterBase, base, null);
    }

    private void answer(String minSupportNumber, Duration afterBase, Instant base, String changeRequestOutcome) {
        at(base.plus(afterBase));
        assertThat(minSupportAnswers.receive(minSupportNumber, "Rettet i næste release", changeRequestOutcome)).isNotEmpty();
    }

    private void close(Escalated escalated) {
        String pi = escalated.processInstanceId();
        scenario.complete(pi, Tasks.FORWARD_ANSWER, "support1", Map.of(Vars.ANSWER, "Rettet i næste release."));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        scenario.complete(pi, Tasks.PLAN_KNOWLEDGE_SHARING, "support1", Map.of(Vars.SHARE_WITH_CASEWORKERS, false));
        scenario.closeCase(pi);
    }

    @Test
    @SuppressWarnings("unchecked")
    void responseTimesByCriticalityFromClosedAndOpenCases() {
        Instant base = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        LocalDate day = LocalDate.ofInstant(base, ClockConfig.ZONE);

        at(base.minus(Duration.ofDays(3)));
        Escalated lav = escalate("MS-RPT-L", "lav");                    // open, reported before the window
        at(base);
        Escalated kritiskA = escalate("MS-RPT-A", "kritisk");
        escalate("MS-RPT-B", "kritisk");
        escalate("MS-RPT-D", "hoej");
        escalate("MS-RPT-E", "hoej");
        escalate("MS-RPT-F", "hoej");
        Escalated linkFirst = escalate("MS-RPT-LINK", "medium");
        Escalated oldestMedium = escalate("MS-RPT-G", "medium");
        escalate("MS-RPT-K", "medium", "aendringsoenske", false);

        answer("MS-RPT-A", Duration.ofHours(4), base);
        close(kritiskA);
        // closed, and its history removed by the cleanup: the report reads the stored figures
        historyService.deleteHistoricProcessInstance(kritiskA.processInstanceId());
        assertThat(stored.findByCaseNumber(kritiskA.caseNumber())).isPresent();
        at(base.plus(Duration.ofHours(6)));
        Escalated oldestKritisk = escalate("MS-RPT-C", "kritisk");
        answer("MS-RPT-B", Duration.ofHours(10), base);
        answer("MS-RPT-D", Duration.ofDays(1), base);
        // another of our cases follows the same MinSupport case: it counts once, from the first report
        escalate("MS-RPT-LINK", "medium", "fejlsag", true);
        answer("MS-RPT-F", Duration.ofDays(2), base);
        escalate("MS-RPT-H", "medium");
        answer("MS-RPT-E", Duration.ofDays(3), base);
        at(base.plus(Duration.ofDays(5)));
        assertThat(minSupportAnswers.receive("MS-RPT-LINK", "Rettet", null)).hasSize(2);
        // the first is closed (counted from the stored figures), the other still open: still one MinSupport case
        close(linkFirst);
        answer("MS-RPT-K", Duration.ofDays(10), base, "planned");
        at(base.plus(Duration.ofDays(12)));

        ResponseEntity<Map> response = api.get("support1", "/api/reports/minsupport?from=" + day + "&to=" + day.plusDays(2));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> report = response.getBody();
        assertThat(report).containsEntry("from", day.toString()).containsEntry("to", day.plusDays(2).toString());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("byCriticality");
        assertThat(rows).extracting(r -> r.get("criticality")).containsExactly("kritisk", "hoej", "medium", "lav");

        assertThat(rows.get(0)).containsEntry("answered", 2).containsEntry("medianVendorTime", "PT7H")
                .containsEntry("p90VendorTime", "PT9H24M").containsEntry("open", 1)
                .containsEntry("oldestOpen", Map.of("caseNumber", oldestKritisk.caseNumber(), "minSupportCaseNumber", "MS-RPT-C",
                        "reportedAt", base.plus(Duration.ofHours(6)).toString(), "age", "P11DT18H"));
        assertThat(rows.get(1)).containsEntry("answered", 3).containsEntry("medianVendorTime", "P2D")
                .containsEntry("p90VendorTime", "P2DT19H12M").containsEntry("open", 0).doesNotContainKey("oldestOpen");
        assertThat(rows.get(2)).containsEntry("answered", 1).containsEntry("medianVendorTime", "P5D")
                .containsEntry("p90VendorTime", "P5D").containsEntry("open", 2)
                .containsEntry("oldestOpen", Map.of("caseNumber", oldestMedium.caseNumber(), "minSupportCaseNumber", "MS-RPT-G",
                        "reportedAt", base.toString(), "age", "P12D"));
        assertThat(rows.get(3)).containsEntry("answered", 0).containsEntry("open", 0)
                .doesNotContainKeys("medianVendorTime", "p90VendorTime", "oldestOpen");
        assertThat((Map<String, Object>) report.get("changeRequests")).containsEntry("answered", 1)
                .containsEntry("medianVendorTime", "P10D").containsEntry("open", 0).doesNotContainKey("criticality");

        // three days earlier, the lav case reported before the window is there too
        Map<String, Object> wider = api.get("admin", "/api/reports/minsupport?from=" + day.minusDays(3) + "&to=" + day.plusDays(2))
                .getBody();
        Map<String, Object> lavRow = ((List<Map<String, Object>>) wider.get("byCriticality")).get(3);
        assertThat(lavRow).containsEntry("open", 1).containsEntry("oldestOpen", Map.of("caseNumber", lav.caseNumber(),
                "minSupportCaseNumber", "MS-RPT-L", "reportedAt", base.minus(Duration.ofDays(3)).toString(), "age", "P15D"));
    }

    @Test
    void onlySupportberettigedeAndAdministratorsMayReadTheReport() {
        assertThat(api.get("support1", "/api/reports/minsupport").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("admin", "/api/reports/minsupport").getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String user : List.of("superbruger1", "sagsbehandler1", "drift1")) {
            assertThat(api.get(user, "/api/reports/minsupport").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.get(null, "/api/reports/minsupport").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badDatesAreRefusedInDanish() {
        ResponseEntity<Map> bad = api.get("support1", "/api/reports/minsupport?from=2026-13-01&to=igår");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) bad.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("from", "to");
        assertThat((String) bad.getBody().get("message")).contains("Rapporten kunne ikke dannes");
        ResponseEntity<Map> reversed = api.get("support1", "/api/reports/minsupport?from=2026-05-02&to=2026-05-01");
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) reversed.getBody().get("errors"))
                .containsExactly(Map.of("field", "to", "message", "Slutdatoen ligger før startdatoen."));
    }
}
