package dk.supportflow.minsupport;

import static dk.supportflow.ReceivedMails.subjectStartsWith;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.ReceivedMails;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * When MinSupport asks something only the reporter knows: the question reaches the reporter
 * (from the API or the follow-up), the answer reaches the case handler, the dialogue stays on
 * the case, and the case waits on MinSupport again with its follow-up timer.
 */
@SupportflowTest
class MinSupportDialogueTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    CaseScenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void questionsFromTheApiReachTheReporterAndTheAnswerTheCaseHandler() throws Exception {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        scenario.escalate(pi, number, "medium", "fejlsag", false);
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);

        ResponseEntity<Map> asked = api.post("support1", "/api/minsupport/" + number.toLowerCase() + "/question", """
                {"question": "Hvilken ydelse var valgt, da beregningen blev godkendt?"}""");
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) asked.getBody().get("caseNumbers")).containsExactly(opened.caseNumber());
        scenario.executeJob(pi, Elements.TASK_PASS_ON_QUESTION);
        assertThat(scenario.task(pi, Tasks.ANSWER_MINSUPPORT_QUESTION).getAssignee()).isEqualTo("superbruger1");

        // a second question while the reporter is still answering the first: it reaches them too
        assertThat(api.post("support1", "/api/minsupport/" + number + "/question", """
                {"question": "Og hvilken dato stod der i brevet?"}""").getStatusCode()).isEqualTo(HttpStatus.OK);
        scenario.executeJob(pi, Elements.TASK_PASS_ON_FURTHER_QUESTION);
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(Tasks.ANSWER_MINSUPPORT_QUESTION)
                .count()).isOne();
        assertThat((String) runtimeService.getVariable(pi, Vars.MINSUPPORT_DIALOGUE))
                .contains("MinSupport: Hvilken ydelse var valgt").contains("MinSupport: Og hvilken dato");

        scenario.dispatchMails();
        List<MimeMessage> toReporter = ReceivedMails.await(smtp,
                subjectStartsWith("[" + opened.caseNumber() + "] MinSupport spørger"), 2);
        assertThat(toReporter).extracting(ReceivedMails::recipient).containsOnly("superbruger1@kommune.example");

        assertThatThrownBy(() -> scenario.complete(pi, Tasks.ANSWER_MINSUPPORT_QUESTION, "superbruger1", Map.of()))
                .hasMessageContaining("Skriv dit svar på MinSupports spørgsmål.");
        scenario.complete(pi, Tasks.ANSWER_MINSUPPORT_QUESTION, "superbruger1",
                Map.of(Vars.REPORTER_ANSWER, "Folkepension med personligt tillæg; brevet var dateret 1. december."));
        scenario.executeJob(pi, Elements.TASK_PASS_ON_REPORTER_ANSWER);
        // waiting on MinSupport again, the follow-up timer running anew
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);

        scenario.dispatchMails();
        MimeMessage toHandler = ReceivedMails.await(smtp, subjectStartsWith("[" + opened.caseNumber() + "] Svar til MinSupport"), 1)
                .get(0);
        assertThat(ReceivedMails.recipient(toHandler)).isEqualTo("support1@kommune.example");
        assertThat(toHandler.getSubject()).contains("Sofie Superbruger").doesNotContain("superbruger1");
        assertThat(ReceivedMails.text(toHandler)).contains("brevet var dateret 1. december").contains(number);

        List<Map<String, String>> dialogue = (List<Map<String, String>>) api.get("superbruger1", "/api/cases/"
                + opened.caseNumber()).getBody().get("minSupportDialogue");
        assertThat(dialogue).extracting(d -> d.get("from")).containsExactly("MinSupport", "MinSupport", "Sofie Superbruger");
        assertThat(dialogue.get(0).get("text")).startsWith("Hvilken ydelse");
        assertThat(dialogue).allSatisfy(d -> assertThat(d.get("at")).isNotBlank());

        // the next follow-up shows the answer
        scenario.executeJob(pi, Elements.TIMER_FOLLOW_UP_DUE);
        scenario.executeJob(pi, Elements.TASK_MAIL_FOLLOW_UP_REMINDER);
        assertThat((String) taskService.getVariable(scenario.task(pi, Tasks.FOLLOW_UP_MINSUPPORT).getId(), Vars.MINSUPPORT_DIALOGUE))
                .contains("Sofie Superbruger: Folkepension med personligt tillæg");
    }

    @Test
    void theFollowUpCarriesAQuestionAndMinSupportsAnswerEndsTheWaitingWhileTheReporterAnswers() {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        scenario.escalate(pi, number, "hoej", "fejlsag", false);
        scenario.executeJob(pi, Elements.TIMER_FOLLOW_UP_DUE);
        scenario.executeJob(pi, Elements.TASK_MAIL_FOLLOW_UP_REMINDER);

        assertThatThrownBy(() -> scenario.complete(pi, Tasks.FOLLOW_UP_MINSUPPORT, "support1",
                Map.of(Vars.MINSUPPORT_ANSWERED, false, Vars.MINSUPPORT_ASKS, true)))
                .hasMessageContaining("Skriv MinSupports spørgsmål");
        scenario.complete(pi, Tasks.FOLLOW_UP_MINSUPPORT, "support1", Map.of(Vars.MINSUPPORT_ANSWERED, false,
                Vars.MINSUPPORT_ASKS, true, Vars.MINSUPPORT_QUESTION, "Sker det også for andre borgere med varmetillæg?"));
        BpmnAwareTests.assertThat(instance(pi)).hasPassed(Elements.END_MINSUPPORT_ASKS);
        scenario.executeJob(pi, Elements.TASK_PASS_ON_QUESTION);
        assertThat(runtimeService.getVariable(pi, Vars.MINSUPPORT_ASKS)).isEqualTo(false);
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.ANSWER_MINSUPPORT_QUESTION);

        // MinSupport answers before the reporter does: the case goes on to forward the answer
        assertThat(api.post("support1", "/api/minsupport/" + number + "/answer", """
                {"answer": "Fejlen er rettet i version 24.4."}""").getStatusCode()).isEqualTo(HttpStatus.OK);
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.FORWARD_ANSWER);
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(Tasks.ANSWER_MINSUPPORT_QUESTION)
                .count()).isZero();
    }

    @Test
    void aQuestionIsRefusedInDanishWhenBlankAndOnlySupportberettigedeAsk() {
        ResponseEntity<Map> blank = api.post("support1", "/api/minsupport/MS-1/question", "{\"question\": \" \"}");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) blank.getBody().get("errors"))
                .containsExactly(Map.of("field", "question", "message", "Skriv MinSupports spørgsmål."));
        assertThat(api.post("superbruger1", "/api/minsupport/MS-1/question", "{\"question\": \"Hvorfor?\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void erasingTheCitizenTakesTheDialogueWithIt() {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String cpr = "1503" + "72-" + String.format("%04d", (int) (Math.random() * 10_000));
        ResponseEntity<Map> created = api.post("superbruger1", "/api/cases", """
                {"title": "Opgaven Beregn tillæg afsluttes ikke efter godkendelse", "workingOn": "Varmetillæg", "stepsTaken": "Godkendte",
                 "expected": "Opgaven lukkes", "actual": "Opgaven står åben", "cpr": "%s"}""".formatted(cpr));
        String pi = (String) created.getBody().get("processInstanceId");
        String caseNumber = (String) created.getBody().get("caseNumber");
        scenario.escalate(pi, number, "lav", "fejlsag", false);
        api.post("support1", "/api/minsupport/" + number + "/question", "{\"question\": \"Borgeren Jens Hansen – hvilken adresse?\"}");
        scenario.executeJob(pi, Elements.TASK_PASS_ON_QUESTION);
        scenario.complete(pi, Tasks.ANSWER_MINSUPPORT_QUESTION, "superbruger1", Map.of(Vars.REPORTER_ANSWER, "Jens Hansen bor på Bygaden 1."));
        scenario.executeJob(pi, Elements.TASK_PASS_ON_REPORTER_ANSWER);

        assertThat(api.post("admin", "/api/privacy/citizens/erase", "{\"cpr\": \"" + cpr + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat((List<?>) api.get("support1", "/api/cases/" + caseNumber).getBody().get("minSupportDialogue")).isEmpty();
        assertThat(runtimeService.getVariables(pi, List.of(Vars.MINSUPPORT_QUESTION, Vars.REPORTER_ANSWER, Vars.MINSUPPORT_DIALOGUE))
                .values()).noneMatch(value -> value != null && value.toString().contains("Jens Hansen"));
    }

    private ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }
}
