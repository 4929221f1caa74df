package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.people.Groups;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Health and Prometheus metrics: who sees what, and that the figures follow the cases. */
@SupportflowTest
class ObservabilityTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportflowMetrics metrics;
    @Autowired
    MeterRegistry registry;
    @Autowired
    IdentityService identityService;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void healthIsOpenButItsComponentsNeedAnAdministratorOrMonitoring() {
        var anonymous = api.get(null, "/actuator/health");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).containsKey("status").doesNotContainKey("components");

        var admin = api.get("admin", "/actuator/health");
        assertThat(admin.getBody()).containsKey("components");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) admin.getBody().get("components");
        assertThat(components).containsKeys("db", "mail", "processEngine");
        assertThat(components.get("db")).containsEntry("status", "UP");
        assertThat(components.get("mail").get("details").toString()).contains("pending").contains("failed");
    }

    @Test
    void prometheusIsForAdministratorsAndTheMonitoringGroup() {
        assertThat(scrape(null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(scrape("support1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        if (identityService.createUserQuery().userId("scraper").count() == 0) {
            User scraper = identityService.newUser("scraper");
            scraper.setPassword("demo");
            identityService.saveUser(scraper);
            identityService.createMembership("scraper", Groups.MONITORING);
        }
        var scrape = scrape("scraper");
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody())
                .contains("supportflow_cases_open{application=\"supportflow\",stage=\"analysis\"}")
                .contains("supportflow_cases_open{application=\"supportflow\",stage=\"minSupport\"}")
                .contains("supportflow_minsupport_waiting{")
                .contains("supportflow_minsupport_waiting_oldest_seconds{")
                .contains("supportflow_jobs_executable{")
                .contains("supportflow_mails{application=\"supportflow\",status=\"PENDING\"}")
                .contains("hikaricp_connections_active");
        // metrics are for operations only
        assertThat(api.getText("scraper", "/actuator/info").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.getText("scraper", "/api/cases/SUP-2026-000001").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theGaugesFollowTheCases() {
        metrics.refresh();
        double inAnalysis = gauge("supportflow.cases.open", "stage", "analysis");
        double inKnowledgeSharing = gauge("supportflow.cases.open", "stage", "knowledgeSharing");
        double executable = registry.get("supportflow.jobs.executable").gauge().value();

        var opened = scenario.open("Metrikker: en ny sag i analyse");
        scenario.complete(opened.processInstanceId(), "analyseError", "support1",
                CaseScenario.analysis("solvedLocally", "userError", "Vælg ydelsen helbredstillæg."));
        var second = scenario.open("Metrikker: endnu en sag i analyse");
        metrics.refresh();

        assertThat(gauge("supportflow.cases.open", "stage", "analysis")).isEqualTo(inAnalysis + 1);
        assertThat(gauge("supportflow.cases.open", "stage", "knowledgeSharing")).isEqualTo(inKnowledgeSharing + 1);
        // the answer mail is an async job waiting for the (here switched off) job executor
        assertThat(registry.get("supportflow.jobs.executable").gauge().value()).isEqualTo(executable + 1);
        // the receipts wait in the outbox (no SMTP server here); once no send is under way, the gauge is the table's count
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("select count(*) from outbox_mail where status = 'SENDING'", Long.class) == 0);
        metrics.refresh();
        long pending = jdbc.queryForObject("select count(*) from outbox_mail where status = 'PENDING'", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from outbox_mail where status = 'PENDING' and case_number = ?", Long.class,
                second.caseNumber())).as("the receipt of the last case").isOne();
        assertThat(gauge("supportflow.mails", "status", "PENDING")).isEqualTo((double) pending);
        assertThat(second.caseNumber()).isNotNull();
    }

    /** As Prometheus asks: plain text. */
    private ResponseEntity<String> scrape(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_PLAIN));
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        return rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private double gauge(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).gauge().value();
    }
}
