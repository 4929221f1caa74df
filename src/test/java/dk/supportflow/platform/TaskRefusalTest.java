package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.WebappSession;
import dk.supportflow.process.SupportCaseProcess.Tasks;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A task completion refused by a rule is a 400 with only the Danish reason, on every path of the
 * engine REST API and in the webapps' own API that Tasklist uses; the task stays open.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class TaskRefusalTest {

    /** Completing analyseError with an outcome but no error class breaks AnalysisRules. */
    private static final String INCOMPLETE = "{\"variables\": {\"outcome\": {\"value\": \"solvedLocally\"}}}";
    private static final String REASON = "Opgaven kan ikke afsluttes endnu: Vælg, hvilken slags fejl det er. "
            + "Skriv svaret til indberetteren, når fejlen er løst lokalt.";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    TaskService taskService;

    private String pi;
    private String task;

    @BeforeEach
    void openCase() {
        pi = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse").processInstanceId();
        task = scenario.task(pi, Tasks.ANALYSE_ERROR).getId();
        taskService.claim(task, "support1");
    }

    @Test
    void theEngineRestApiAnswers400WithOnlyTheReasonOnEveryPath() {
        for (String base : new String[] {"/engine-rest", "/engine-rest/engine/default"}) {
            for (String action : new String[] {"complete", "submit-form"}) {
                ResponseEntity<String> answer = basic("support1", base + "/task/" + task + "/" + action, INCOMPLETE);
                assertRefused(answer, base + " " + action);
            }
        }
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isOne();
    }

    @Test
    void tasklistsOwnApiAnswers400WithOnlyTheReason() {
        WebappSession tasklist = WebappSession.login(rest, "support1", "tasklist");
        assertThat(tasklist.loginStatus()).isEqualTo(HttpStatus.OK);
        for (String action : new String[] {"complete", "submit-form"}) {
            assertRefused(tasklist.exchange(HttpMethod.POST,
                    "/camunda/api/engine/engine/default/task/" + task + "/" + action, INCOMPLETE), action);
        }
        assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    }

    @Test
    void otherEngineErrorsKeepCamundasAnswers() {
        // not allowed is Camunda's own answer, unchanged by our mapping
        assertThat(basic("superbruger2", "/engine-rest/task/" + task + "/complete", INCOMPLETE).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> done = basic("support1", "/engine-rest/task/" + task + "/complete", """
                {"variables": {"outcome": {"value": "solvedLocally"}, "errorClass": {"value": "userError"},
                 "answer": {"value": "Brug knappen 'Genberegn' i Gennemførte trin."}}}""");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void assertRefused(ResponseEntity<String> answer, String where) {
        assertThat(answer.getStatusCode()).as(where).isEqualTo(HttpStatus.BAD_REQUEST);
        var json = new BasicJsonTester(getClass()).from(answer.getBody());
        assertThat(json).extractingJsonPathStringValue("$.message").as(where).isEqualTo(REASON);
        assertThat(answer.getBody()).as(where).doesNotContain("ENGINE-", "TaskListener", "Cannot", "task ");
    }

    private ResponseEntity<String> basic(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }
}
