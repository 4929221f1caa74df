package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** MinSupport's answers and questions are never dropped: one that comes before a case waits is kept and delivered. */
@SupportflowTest
class MinSupportInboxTest {

    @Autowired
    CaseScenario scenario;
    @Autowired
    MinSupportAnswers answers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void anAnswerBeforeTheCaseIsReportedWaitsAndReachesTheCaseWhenItWaits() {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – hurtigt svar");
        // MinSupport answers while the supportberettiget still fills in reportToMinSupport
        ResponseEntity<Map> early = api.post("support1", "/api/minsupport/ " + number.toLowerCase() + " /answer", """
                {"answer": "Rettet i version 24.4."}""");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(early.getBody()).containsEntry("minSupportCaseNumber", number).containsEntry("waitsForCase", true);
        List<Map<String, Object>> waiting = api.getList("support1", "/api/minsupport/answers?unmatched=true").getBody();
        assertThat(waiting).anySatisfy(e -> assertThat(e).containsEntry("minSupportCaseNumber", number)
                .containsEntry("kind", "answer").containsEntry("text", "Rettet i version 24.4."));
        assertThat(api.getText("superbruger1", "/api/minsupport/answers?unmatched=true").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        scenario.escalate(opened.processInstanceId(), number, "medium", "fejlsag", false);
        BpmnAwareTests.assertThat(instance(opened.processInstanceId())).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
        assertThat(answers.deliverWaiting()).isPositive();

        BpmnAwareTests.assertThat(instance(opened.processInstanceId())).isWaitingAt(Tasks.FORWARD_ANSWER);
        assertThat(runtimeService.getVariable(opened.processInstanceId(), Vars.MINSUPPORT_ANSWER)).isEqualTo("Rettet i version 24.4.");
        List<Map<String, Object>> stillWaiting = api.getList("support1", "/api/minsupport/answers?unmatched=true").getBody();
        assertThat(stillWaiting).noneSatisfy(e -> assertThat(e).containsEntry("minSupportCaseNumber", number));
        // delivered once: a second round finds nothing for it
        assertThat(answers.inbox(false)).filteredOn(e -> e.getMinSupportCaseNumber().equals(number)).singleElement()
                .satisfies(e -> {
                    assertThat(e.getDeliveredTo()).isEqualTo(opened.caseNumber());
                    assertThat(e.getText()).isNull();
                });
    }

    @Test
    void aQuestionBeforeTheCaseWaitsReachesTheReporterWhenItWaits() {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(answers.ask(number, "Hvilken ydelse er det?").kept()).isTrue();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – tidligt spørgsmål");
        scenario.escalate(opened.processInstanceId(), number, "lav", "fejlsag", false);
        answers.deliverWaiting();
        scenario.executeJob(opened.processInstanceId(), Elements.TASK_PASS_ON_QUESTION);
        assertThat(scenario.task(opened.processInstanceId(), Tasks.ANSWER_MINSUPPORT_QUESTION).getAssignee())
                .isEqualTo("superbruger1");
        assertThat(runtimeService.getVariable(opened.processInstanceId(), Vars.MINSUPPORT_QUESTION)).isEqualTo("Hvilken ydelse er det?");
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }
}
