package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.WebappSession;
import dk.supportflow.cases.SupportCaseRepository;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.notification.OutboxMail;
import dk.supportflow.notification.OutboxMailRepository;
import dk.supportflow.people.Groups;
import dk.supportflow.process.SupportCaseProcess.Elements;
import dk.supportflow.process.SupportCaseProcess.Tasks;
import dk.supportflow.process.SupportCaseProcess.Vars;
import dk.supportflow.process.SupportCaseProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.junit.jupiter.api.BeforeEach;
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
 * A case starts only the way people start it. Each attack is made as the least privileged user
 * who could try it, on the engine REST API under both of its paths and on the webapps' engine API
 * (with a Tasklist session), and is refused by {@link ProcessStartGuard} itself (its message, not
 * a missing permission or a listener further on), leaving nothing behind: no instance, no case
 * row, another reporter's case untouched.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class CaseStartAttackTest {

    private static final String WEBAPP = "/camunda/api/engine/engine/default";
    private static final List<String> BASES = List.of("/engine-rest", "/engine-rest/engine/default", WEBAPP);
    private static final String START = "/process-definition/key/supportCase/start";
    private static final String SUBMIT = "/process-definition/key/supportCase/submit-form";
    private static final String REPORT = """
            "title": {"value": "Opgaven \\"Beregn tillæg\\" afsluttes ikke efter godkendelse"},
            "workingOn": {"value": "Tillæg til en pensionist"}, "stepsTaken": {"value": "Godkendte beregningen"},
            "expected": {"value": "At opgaven blev afsluttet"}, "actual": {"value": "Opgaven står som åben"}""";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    CaseScenario scenario;
    @Autowired
    OutboxMailRepository outbox;

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
                     "variables": {%s}}""".formatted(REPORT)), ProcessStartGuard.START_ELSEWHERE, base + " startInstructions");
            // at the start event, but past the intake listener that registers the case and drops the CPR
            // (without start instructions the engine itself refuses the flags, before any command)
            for (String skip : List.of("skipCustomListeners", "skipIoMappings")) {
                assertRefused(post("superbruger1", base + START, """
                        {"startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}],
                         "%s": true, "variables": {%s}}""".formatted(Elements.START_EVENT, skip, REPORT)),
                        ProcessStartGuard.START_ELSEWHERE, base + " " + skip);
            }
            assertRefused(post("superbruger1", base + START, """
                    {"businessKey": "%s", "variables": {%s}}""".formatted(othersCase.caseNumber(), REPORT)),
                    ProcessStartGuard.OWN_BUSINESS_KEY, base + " businessKey");
            assertRefused(post("superbruger1", base + SUBMIT, """
                    {"businessKey": "%s", "variables": {%s}}""".formatted(othersCase.caseNumber(), REPORT)),
                    ProcessStartGuard.OWN_BUSINESS_KEY, base + " submit-form businessKey");
            assertRefused(post("superbruger1", base + "/condition", """
                    {"businessKey": "%s", "variables": {%s}}""".formatted(othersCase.caseNumber(), REPORT)),
                    ProcessStartGuard.OWN_BUSINESS_KEY, base + " condition businessKey");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportCaseProcess.PROCESS_KEY).count())
                .isEqualTo(instancesBefore);
        assertThat(caseRows.count()).isEqualTo(rowsBefore);
        assertThat(cases.find(othersCase.caseNumber()).orElseThrow().getProcessInstanceId())
                .isEqualTo(othersCase.processInstanceId());
        assertThat(cases.find(othersCase.caseNumber()).orElseThrow().getReporter()).isEqualTo("superbruger2");
    }

    @Test
    void aStartFilesTheCaseInTheNameOfWhoeverIsLoggedInAndKeepsNoCpr() throws Exception {
        for (String base : BASES) {
            for (String start : List.of(START, SUBMIT)) {
                long casesBefore = caseRows.count();
                ResponseEntity<String> forOther = post("superbruger1", base + start, """
                        {"variables": {%s, "reporter": {"value": "superbruger2"}, "channel": {"value": "telefon"},
                         "cpr": {"value": "150372-4711"}}}""".formatted(REPORT));
                // only a supportberettiget registers a case for someone else
                assertThat(forOther.getStatusCode()).as(base + start).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(JSON.readTree(forOther.getBody()).path("message").asText()).as(base + start)
                        .isEqualTo("Sagen kunne ikke oprettes: Kun de supportberettigede kan registrere en henvendelse for en anden.");
                assertThat(caseRows.count()).as(base + start).isEqualTo(casesBefore);

                ResponseEntity<String> started = post("superbruger1", base + start, """
                        {"variables": {%s, "reporter": {"value": "superbruger1"}, "cpr": {"value": "150372-4711"}}}"""
                        .formatted(REPORT));
                assertThat(started.getStatusCode()).as(base + start).isEqualTo(HttpStatus.OK);
                String pi = JSON.readTree(started.getBody()).path("id").asText();
                String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult()
                        .getBusinessKey();
                assertThat(cases.find(caseNumber).orElseThrow().getReporter()).as(base + start).isEqualTo("superbruger1");
                assertThat(runtimeService.getVariable(pi, Vars.REPORTER)).as(base + start).isEqualTo("superbruger1");
                assertThat(runtimeService.getVariable(pi, Vars.CPR)).as(base + start).isNull();
                assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(Vars.CPR)
                        .includeDeleted().count()).as(base + start).isZero();
                assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi).variableUpdates().list())
                        .as(base + start).noneMatch(d -> Vars.CPR.equals(((HistoricVariableUpdate) d).getVariableName()));
            }
        }
    }

    @Test
    void theReporterCannotHandTheCaseToSomebodyElseWhenAnsweringAQuestion() {
        SupportCaseService.OpenedCase own = scenario.open("Brevet \"Afgørelse om boligstøtte\" viser forkert dato");
        String pi = own.processInstanceId();
        askTheReporter(pi, "Hvilken dato står der i brevet?");
        String question = scenario.task(pi, Tasks.PROVIDE_MORE_INFO).getId();

        assertThat(post("superbruger1", "/engine-rest/task/" + question + "/complete", """
                {"variables": {"additionalInfo": {"value": "Datoen for i går"}, "reporter": {"value": "superbruger2"},
                 "caseNumber": {"value": "%s"}}}""".formatted(othersCase.caseNumber())).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // the variable took the caller's value, the case did not
        assertThat(runtimeService.getVariable(pi, Vars.REPORTER)).isEqualTo("superbruger2");
        askTheReporter(pi, "Og hvilken dato burde der stå?");

        assertThat(scenario.task(pi, Tasks.PROVIDE_MORE_INFO).getAssignee()).isEqualTo("superbruger1");
        List<OutboxMail> questions = outbox.findByCaseNumberOrderByIdAsc(own.caseNumber()).stream()
                .filter(m -> m.getSubject().contains("Spørgsmål")).toList();
        assertThat(questions).hasSize(2).allMatch(m -> m.getRecipient().equals("superbruger1@kommune.example"));
        assertThat(outbox.findByCaseNumberOrderByIdAsc(othersCase.caseNumber()))
                .noneMatch(m -> m.getSubject().contains("Spørgsmål"));
    }

    @Test
    void onlyAdministratorsModifyMigrateOrRestartAnInstance() {
        String pi = othersCase.processInstanceId();
        long batchesBefore = managementService.createBatchQuery().count();
        String modification = """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}""".formatted(Tasks.PLAN_KNOWLEDGE_SHARING);
        String batchModification = """
                {"processDefinitionId": "%s", "processInstanceIds": ["%s"],
                 "instructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}""".formatted(
                definitionId(), pi, Tasks.PLAN_KNOWLEDGE_SHARING);
        String restart = """
                {"processInstanceIds": ["%s"], "instructions": [{"type": "startAfterActivity", "activityId": "%s"}]}"""
                .formatted(pi, Elements.START_EVENT);
        for (String base : BASES) {
            assertRefused(post("support1", base + "/process-instance/" + pi + "/modification", modification),
                    ProcessStartGuard.MODIFY, base + " modification");
            assertRefused(post("support1", base + "/process-instance/" + pi + "/modification-async", modification),
                    ProcessStartGuard.MODIFY, base + " modification-async");
            assertRefused(post("support1", base + "/modification/execute", batchModification),
                    ProcessStartGuard.MODIFY, base + " modification/execute");
            assertRefused(post("support1", base + "/modification/executeAsync", batchModification),
                    ProcessStartGuard.MODIFY, base + " modification/executeAsync");
            assertRefused(post("support1", base + "/process-definition/" + definitionId() + "/restart", restart),
                    ProcessStartGuard.MODIFY, base + " restart");
            assertRefused(post("support1", base + "/process-definition/" + definitionId() + "/restart-async", restart),
                    ProcessStartGuard.MODIFY, base + " restart-async");
        }
        // an engine command without a REST path, which the permission support1 holds (UPDATE_INSTANCE) would allow
        identityService.setAuthentication("support1", List.of(Groups.SUPPORTBERETTIGEDE));
        try {
            int version = repositoryService.getProcessDefinition(definitionId()).getVersion();
            assertThat(catchThrowable(() -> engineConfiguration.getCommandExecutorTxRequired()
                    .execute(new SetProcessDefinitionVersionCmd(pi, version))))
                    .isInstanceOf(AuthorizationException.class).hasMessage(ProcessStartGuard.MODIFY);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(runtimeService.createExecutionQuery().processInstanceId(pi)
                .activityId(Tasks.PLAN_KNOWLEDGE_SHARING).count()).isZero();
        assertThat(managementService.createBatchQuery().count()).isEqualTo(batchesBefore);

        assertThat(post("admin", "/engine-rest/process-instance/" + pi + "/modification",
                modification).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(pi)
                .activityId(Tasks.PLAN_KNOWLEDGE_SHARING).count()).isOne();
    }

    @Test
    void aDriftsansvarligCannotStartAReviewWithABusinessKeyOfTheirOwn() {
        for (String base : BASES) {
            assertRefused(post("drift1", base + "/message", """
                    {"messageName": "DriftsbeskedRegistered", "businessKey": "DRIFT-999999", "processVariables": {}}"""),
                    ProcessStartGuard.OWN_BUSINESS_KEY, base + " message start");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("DRIFT-999999").count()).isZero();
    }

    private void askTheReporter(String pi, String question) {
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", CaseScenario.analysis("needMoreInfo", "processError", question));
        scenario.executeJob(pi, Elements.TASK_MAIL_QUESTION);
    }

    private String definitionId() {
        return runtimeService.createProcessInstanceQuery().processInstanceId(othersCase.processInstanceId()).singleResult()
                .getProcessDefinitionId();
    }

    private static void assertRefused(ResponseEntity<String> answer, String message, String what) {
        assertThat(answer.getStatusCode().value()).as(what + ": " + answer.getBody())
                .isIn(HttpStatus.BAD_REQUEST.value(), HttpStatus.FORBIDDEN.value());
        assertThat(messageOf(answer)).as(what).contains(message);
    }

    private static String messageOf(ResponseEntity<String> answer) {
        try {
            JsonNode body = JSON.readTree(answer.getBody());
            return body.path("message").asText();
        } catch (Exception e) {
            throw new AssertionError("No JSON answer: " + answer.getBody(), e);
        }
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        if (path.startsWith(WEBAPP)) {
            return WebappSession.login(rest, user, "tasklist").exchange(HttpMethod.POST, path, json);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }
}
