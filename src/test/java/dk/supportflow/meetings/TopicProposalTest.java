package dk.supportflow.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.process.GangmoedeProcess;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A supportberettiget proposes a gangmøde topic by hand: from a case or as free text. */
@SupportflowTest
class TopicProposalTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    MeetingTopicRepository topics;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aFreeTextTopicIsNamedAsGivenAndOpensAPlanningRound() {
        ResponseEntity<Map> created = api.post("support1", "/api/meeting-topics", """
                {"title": "Nye regler for varmetillæg fra januar", "note": "Flere har spurgt efter releasen."}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("name", "Nye regler for varmetillæg fra januar")
                .containsEntry("status", "OPEN").containsEntry("proposedBy", "support1");
        // a planning round takes it up (a new one, or the one already waiting for its planner)
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(GangmoedeProcess.PROCESS_KEY).count())
                .isPositive();
    }

    @Test
    void aCaseJoinsTheTopicOfItsErrorPatternOrBecomesOneNamedByComponentAndErrorClass() {
        String component = "Komponent " + UUID.randomUUID().toString().substring(0, 8);
        String caseNumber = scenario.solveAndClose("Opgaven \"Beregn tillæg\" afsluttes ikke", component, "processError",
                "Gå et trin tilbage og frem igen.");
        ResponseEntity<Map> created = api.post("support1", "/api/meeting-topics", """
                {"caseNumber": "%s"}""".formatted(caseNumber));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("name", component + " – Procesfejl");
        assertThat((List<String>) created.getBody().get("caseNumbers")).containsExactly(caseNumber);

        String second = scenario.solveAndClose("Opgaven \"Beregn tillæg\" afsluttes stadig ikke", component, "processError",
                "Gå et trin tilbage og frem igen.");
        ResponseEntity<Map> joined = api.post("support2", "/api/meeting-topics", """
                {"caseNumber": "%s", "note": "Igen"}""".formatted(second));
        assertThat(joined.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(joined.getBody().get("id")).isEqualTo(created.getBody().get("id"));
        assertThat((List<String>) joined.getBody().get("caseNumbers")).contains(caseNumber, second);
    }

    @Test
    void aTopicWithoutComponentHasARealName() {
        MeetingTopic topic = MeetingTopic.proposed(ErrorPattern.of(" ", "userError"), null, null, null, java.time.Instant.now());
        assertThat(GangmoedeAgenda.name(topic)).isEqualTo("Brugerfejl uden angivet komponent");
    }

    @Test
    void withoutTitleOrCaseItIsRefusedAndOnlySupportberettigedePropose() {
        ResponseEntity<Map> empty = api.post("support1", "/api/meeting-topics", "{\"note\": \"Noget\"}");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) empty.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("title");
        assertThat(api.post("support1", "/api/meeting-topics", "{\"caseNumber\": \"SUP-1999-000001\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("superbruger1", "/api/meeting-topics", "{\"title\": \"Mit emne\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
