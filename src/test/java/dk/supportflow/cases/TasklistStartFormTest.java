package dk.supportflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.SupportflowTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/**
 * Starting a case from the Tasklist start form: the same engine REST call Tasklist makes
 * (submit-form), as the logged-in superbruger, with the same validation as the API.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class TasklistStartFormTest {

    static final String SUBMIT = "/engine-rest/process-definition/key/supportCase/submit-form";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    SupportCaseRepository cases;
    @Autowired
    SupportCaseService caseService;

    static String form(String title, String cpr) {
        return """
                {"variables": {
                  "title": {"value": "%s", "type": "String"},
                  "workingOn": {"value": "Helbredstillæg", "type": "String"},
                  "stepsTaken": {"value": "Åbnede ansøgningen og trykkede Beregn", "type": "String"},
                  "expected": {"value": "En beregning", "type": "String"},
                  "actual": {"value": "Pop-up: procesfejl", "type": "String"},
                  "cpr": {"value": "%s", "type": "String"},
                  "paymentBlocked": {"value": false, "type": "Boolean"}
                }}""".formatted(title, cpr);
    }

    private ResponseEntity<Map> submit(String user, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        return rest.exchange(SUBMIT, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
    }

    @Test
    void startFormRegistersTheCaseUnderANewCaseNumberAndKeepsTheCprOutOfTheEngine() {
        ResponseEntity<Map> response = submit("superbruger1",
                form("Pop-up med procesfejl ved beregning af helbredstillæg", "150372-4711"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String processInstanceId = (String) response.getBody().get("id");

        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        assertThat(instance.getBusinessKey()).matches("SUP-\\d{4}-\\d{6}");
        assertThat(runtimeService.getVariables(processInstanceId)).doesNotContainKey("cpr")
                .containsEntry("reporter", "superbruger1")
                .containsEntry("caseNumber", instance.getBusinessKey())
                .containsEntry("cprRegistered", true);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("cpr").count()).isZero();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).list())
                .noneMatch(detail -> detail.toString().contains("150372"));

        SupportCase supportCase = cases.findByCaseNumber(instance.getBusinessKey()).orElseThrow();
        assertThat(supportCase.getReporter()).isEqualTo("superbruger1");
        assertThat(supportCase.getCprEncrypted()).startsWith("v1:").doesNotContain("150372");
        assertThat(caseService.view(instance.getBusinessKey(), "superbruger1", false).cpr()).isEqualTo("150372-xxxx");
    }

    @Test
    void invalidStartFormIsRefusedWithTheDanishReasonAndStoresNothing() {
        long before = cases.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        ResponseEntity<Map> response = submit("superbruger1", form("", "320190-1234"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message"))
                .contains("Sagen kunne ikke oprettes")
                .contains("CPR-nummeret skal have formen ddmmåå-xxxx")
                .contains("Skriv en titel")
                .doesNotContain("320190");
        assertThat(cases.count()).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void caseworkersCannotStartSupportCases() {
        long before = cases.count();
        // Camunda hides a definition the user may not read: 404, not 403
        assertThat(submit("sagsbehandler1", form("Pop-up med procesfejl ved beregning", "")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void engineRestRequiresLogin() {
        assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("support1", "demo").getForEntity("/engine-rest/process-definition/key/supportCase",
                Map.class).getBody()).containsEntry("key", "supportCase");
    }
}
