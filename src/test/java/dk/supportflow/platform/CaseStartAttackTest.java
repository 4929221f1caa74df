package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.SupportCaseProcess;
import dk.supportflow.cases.SupportCaseRepository;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.cases.SupportCaseProcess.Tasks;
import dk.supportflow.cases.SupportCaseProcess.Vars;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
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

/**
 * A case starts only the way people start it. Each attack is made as the least privileged user
 * who may start a case (a superbruger), on the engine REST API under both of its paths, and
 * leaves nothing behind: no instance, no case row, another reporter's case untouched.
 */
@SupportflowTest
class CaseStartAttackTest {

    private static final List<String> BASES = List.of("/engine-rest", "/engine-rest/engine/default");
    private static final String START = "/process-definition/key/supportCase/start";
    private static final String SUBMIT = "/process-definition/key/supportCase/submit-form";
    private static final String REPORT = """
            "title": {"value": "Opgaven \\"Beregn tillæg\\" afsluttes ikke efter godkendelse"},
            "workingOn": {"value": "Tillæg til en pensionist"}, "stepsTaken": {"value": "Godkendte beregningen"},
            "expected": {"value": "At opgaven blev afsluttet"}, "actual": {"value": "Opgaven står som åben"}""";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SupportCaseService cases;
    @Autowired
    SupportCaseRepository caseRows;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;

    private SupportCaseService.OpenedCase othersCase;
    private long instancesBefore;
    private long rowsBefore;

    @BeforeEach
    void anotherReportersCase() {
        othersCase = cases.openCase(CaseScenario.report("Brevet \"Afgørelse om tillæg\" mangler adressen"), "superbruger2");
        instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportCaseProcess.PROCESS_KEY).count();
        rowsBefore = caseRows.count();
    }

    @Test
    void aSuperbrugerCannotStartAtAnInnerActivitySkipListenersOrChooseTheBusinessKey() {
        for (String base : BASES) {
            assertRefused(post("superbruger1", base + START, """
                    {"startInstructions": [{"type": "startBeforeActivity", "activityId": "planKnowledgeSharing"}],
                     "variables": {%s}}""".formatted(REPORT)), base + " startInstructions");
            // at the start event itself, but past the intake listener that registers the case
            assertRefused(post("superbruger1", base + START, """
                    {"startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}],
                     "skipCustomListeners": true, "variables": {%s}}""".formatted(SupportCaseProcess.Elements.START_EVENT,
                    REPORT)), base + " skipCustomListeners");
            assertRefused(post("superbruger1", base + START, """
                    {"startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}],
                     "skipIoMappings": true, "variables": {%s}}""".formatted(SupportCaseProcess.Elements.START_EVENT,
                    REPORT)), base + " skipIoMappings");
            assertRefused(post("superbruger1", base + START, """
                    {"businessKey": "%s", "variables": {%s}}""".formatted(othersCase.caseNumber(), REPORT)),
                    base + " businessKey");
            assertRefused(post("superbruger1", base + SUBMIT, """
                    {"businessKey": "%s", "variables": {%s}}""".formatted(othersCase.caseNumber(), REPORT)),
                    base + " submit-form businessKey");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportCaseProcess.PROCESS_KEY).count())
                .isEqualTo(instancesBefore);
        assertThat(caseRows.count()).isEqualTo(rowsBefore);
        assertThat(cases.find(othersCase.caseNumber()).orElseThrow().getProcessInstanceId())
                .isEqualTo(othersCase.processInstanceId());
        assertThat(cases.find(othersCase.caseNumber()).orElseThrow().getReporter()).isEqualTo("superbruger2");
    }

    @Test
    void theStartFormFilesTheCaseInTheNameOfWhoeverIsLoggedInAndKeepsNoCpr() {
        ResponseEntity<String> started = post("superbruger1", "/engine-rest" + SUBMIT, """
                {"variables": {%s, "reporter": {"value": "superbruger2"}, "cpr": {"value": "150372-4711"}}}"""
                .formatted(REPORT));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        var id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started.getBody());
        assertThat(id.find()).isTrue();
        String pi = id.group(1);
        String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
        assertThat(cases.find(caseNumber).orElseThrow().getReporter()).isEqualTo("superbruger1");
        assertThat(runtimeService.getVariable(pi, Vars.REPORTER)).isEqualTo("superbruger1");
        assertThat(runtimeService.getVariable(pi, Vars.CPR)).isNull();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(Vars.CPR).count())
                .isZero();
    }

    @Test
    void onlyAdministratorsModifyOrRestartAnInstance() {
        String modification = """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}""".formatted(Tasks.PLAN_KNOWLEDGE_SHARING);
        for (String base : BASES) {
            assertRefused(post("support1", base + "/process-instance/" + othersCase.processInstanceId() + "/modification",
                    modification), base + " modification");
            assertRefused(post("support1", base + "/modification/execute", """
                    {"processDefinitionId": "%s", "processInstanceIds": ["%s"],
                     "instructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}""".formatted(
                    definitionId(), othersCase.processInstanceId(), Tasks.PLAN_KNOWLEDGE_SHARING)), base + " modification/execute");
            assertRefused(post("support1", base + "/process-definition/" + definitionId() + "/restart", """
                    {"processInstanceIds": ["%s"], "instructions": [{"type": "startAfterActivity", "activityId": "%s"}]}"""
                    .formatted(othersCase.processInstanceId(), SupportCaseProcess.Elements.START_EVENT)), base + " restart");
        }
        assertThat(runtimeService.createExecutionQuery().processInstanceId(othersCase.processInstanceId())
                .activityId(Tasks.PLAN_KNOWLEDGE_SHARING).count()).isZero();

        assertThat(post("admin", "/engine-rest/process-instance/" + othersCase.processInstanceId() + "/modification",
                modification).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(othersCase.processInstanceId())
                .activityId(Tasks.PLAN_KNOWLEDGE_SHARING).count()).isOne();
    }

    @Test
    void aDriftsansvarligCannotStartAReviewWithABusinessKeyOfTheirOwn() {
        assertRefused(post("drift1", "/engine-rest/message", """
                {"messageName": "DriftsbeskedRegistered", "businessKey": "DRIFT-999999", "processVariables": {}}"""),
                "message start");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("DRIFT-999999").count()).isZero();
    }

    private String definitionId() {
        return runtimeService.createProcessInstanceQuery().processInstanceId(othersCase.processInstanceId()).singleResult()
                .getProcessDefinitionId();
    }

    private static void assertRefused(ResponseEntity<String> answer, String what) {
        assertThat(answer.getStatusCode().value()).as(what + ": " + answer.getBody())
                .isIn(HttpStatus.BAD_REQUEST.value(), HttpStatus.FORBIDDEN.value());
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }
}
