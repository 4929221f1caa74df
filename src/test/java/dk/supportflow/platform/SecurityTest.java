package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.process.SupportCaseProcess.Tasks;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Authentication, authorisation per role, the Camunda 7.24 mitigations and the HTTP hardening. */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class SecurityTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private HttpStatus status(String user, HttpMethod method, String path, String json) {
        return HttpStatus.valueOf(call(user, method, path, json).getStatusCode().value());
    }

    @Test
    void nothingButLoginPagesAssetsAndHealthIsAnonymous() {
        for (String path : List.of("/api/cases/SUP-2026-000001", "/api/docs", "/api/openapi.json", "/mails",
                "/engine-rest/task", "/engine-rest/process-definition", "/actuator/info",
                "/camunda/api/engine/engine/default/task")) {
            assertThat(status(null, HttpMethod.GET, path, null)).as(path).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        }
        // open, whatever it reports (this test's SMTP server is not running, so mail health may be DOWN)
        ResponseEntity<String> health = call(null, HttpMethod.GET, "/actuator/health", null);
        assertThat(health.getBody()).contains("\"status\"");
        assertThat(status(null, HttpMethod.GET, "/camunda/app/tasklist/default/", null)).isEqualTo(HttpStatus.OK);
        assertThat(status("support1", HttpMethod.GET, "/api/openapi.json", null)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theAdminSetupEndpointIsBlocked() {
        var page = rest.getForEntity("/camunda/app/admin/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.set(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList()));
        String body = """
                {"profile": {"id": "intruder", "firstName": "I", "lastName": "N", "email": "i@example.org"},
                 "credentials": {"password": "intruder-password"}}""";
        var response = rest.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        // the mitigation's second half: camunda-admin always has a direct member
        assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
    }

    @Test
    void eachRoleMayDoOnlyItsOwnWorkThroughTheEngineRestApi() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        String analyseTask = scenario.task(pi, Tasks.ANALYSE_ERROR).getId();

        // the reporter cannot do the supportberettigedes' work, nor read the case's variables;
        // Camunda hides what a user may not read (404) and refuses what they may not do (403)
        assertThat(status("superbruger1", HttpMethod.GET, "/engine-rest/task/" + analyseTask, null)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("superbruger1", HttpMethod.POST, "/engine-rest/task/" + analyseTask + "/complete", "{}"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("superbruger2", HttpMethod.GET, "/engine-rest/process-instance/" + pi + "/variables", null))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("superbruger2", HttpMethod.GET, "/engine-rest/process-instance/" + pi, null))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("sagsbehandler1", HttpMethod.GET, "/engine-rest/task/" + analyseTask, null)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("sagsbehandler1", HttpMethod.GET, "/engine-rest/task", null).getBody()).isEqualTo("[]");

        // the supportberettigede work every case
        assertThat(status("support2", HttpMethod.GET, "/engine-rest/process-instance/" + pi + "/variables", null))
                .isEqualTo(HttpStatus.OK);
        assertThat(status("support2", HttpMethod.POST, "/engine-rest/task/" + analyseTask + "/claim",
                "{\"userId\": \"support2\"}")).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> refused = call("support2", HttpMethod.POST, "/engine-rest/task/" + analyseTask + "/complete",
                "{\"variables\": {\"outcome\": {\"value\": \"solvedLocally\"}}}");
        // a completion refused by a rule: 400 with the Danish reason (TaskRefusalTest covers every path)
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Opgaven kan ikke afsluttes endnu").contains("Vælg, hvilken slags fejl det er.");
        assertThat(status("support2", HttpMethod.POST, "/engine-rest/task/" + analyseTask + "/complete", """
                {"variables": {"outcome": {"value": "needMoreInfo"}, "errorClass": {"value": "processError"},
                 "question": {"value": "Hvilket skærmbillede var åbent?"}}}""")).isEqualTo(HttpStatus.NO_CONTENT);
        scenario.executeJob(pi, "Task_MailQuestion");

        // the reporter answers their own question; another superbruger cannot even see it
        String question = scenario.task(pi, Tasks.PROVIDE_MORE_INFO).getId();
        assertThat(status("superbruger2", HttpMethod.GET, "/engine-rest/task/" + question, null)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("superbruger2", HttpMethod.POST, "/engine-rest/task/" + question + "/complete",
                "{\"variables\": {\"additionalInfo\": {\"value\": \"x\"}}}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("superbruger1", HttpMethod.POST, "/engine-rest/task/" + question + "/complete",
                "{\"variables\": {\"additionalInfo\": {\"value\": \"Sagsoversigten\"}}}")).isEqualTo(HttpStatus.NO_CONTENT);

        // only administrators deploy or change definitions
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("deployment-name", "ondsindet");
        form.add("process.bpmn", new org.springframework.core.io.ByteArrayResource("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="ondsindet" isExecutable="true"><startEvent id="s"/></process>
                </definitions>""".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "process.bpmn";
            }
        });
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        multipart.setBasicAuth("support1", "demo");
        assertThat(rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, multipart),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("support1", HttpMethod.PUT, "/engine-rest/process-definition/key/supportCase/suspended",
                "{\"suspended\": true}")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void oversizedRequestsAreRefusedBeforeTheyAreRead() {
        String huge = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        ResponseEntity<String> response = call("superbruger1", HttpMethod.POST, "/api/cases", huge);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody()).contains("for stor");
    }

    @Test
    void responsesCarrySecurityHeadersAndTheWebappCookieIsProtected() {
        HttpHeaders api = call("support1", HttpMethod.GET, "/api/cases/SUP-1999-000001", null).getHeaders();
        assertThat(api.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(api.getCacheControl()).contains("no-store");

        var page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.set(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList()));
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", "support1");
        form.add("password", "demo");
        var login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).contains("JSESSIONID").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }
}
