package dk.supportflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.process.SupportCaseProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The case API from outside: status codes, Danish messages, nothing stored from bad input. */
@SupportflowTest
class CaseApiTest {

    static final String VALID = """
            {"title": "Opgaven \\"Beregn tillæg\\" afsluttes ikke efter godkendelse",
             "workingOn": "Boligstøtte", "stepsTaken": "Godkendte beregningen", "expected": "Opgaven lukkes",
             "actual": "Opgaven står åben", "cpr": "150372-4711", "component": "Beregn tillæg",
             "paymentBlocked": true, "availableDate": "2026-12-15"}
            """;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SupportCaseRepository cases;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    CaseScenario scenario;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void superbrugerOpensACaseAndReadsItWithTheCprMasked() {
        ResponseEntity<Map> created = api.post("superbruger1", "/api/cases", VALID);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) created.getBody().get("caseNumber");
        assertThat(caseNumber).matches("SUP-20\\d\\d-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/cases/" + caseNumber);
        String processInstanceId = (String) created.getBody().get("processInstanceId");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey()).isEqualTo(caseNumber);
        // analyseError, with its suggestions, is made by a job after the case is registered
        scenario.prepareAnalysis(processInstanceId);

        ResponseEntity<Map> read = api.get("superbruger1", "/api/cases/" + caseNumber);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("stage", "analysis").containsEntry("cpr", "150372-xxxx")
                .containsEntry("reporter", "superbruger1").containsEntry("availableDate", "2026-12-15");
        assertThat((List<?>) read.getBody().get("openTasks")).hasSize(1);
        assertThat(api.get("support1", "/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("admin", "/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theTitleIsAdvisedOnAtIntakeButNeverRefused() {
        ResponseEntity<Map> good = api.post("superbruger1", "/api/cases", VALID);
        assertThat(good.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<?>) good.getBody().get("titleFindings")).isEmpty();

        ResponseEntity<Map> shouted = api.post("superbruger1", "/api/cases",
                VALID.replace("Opgaven \\\"Beregn tillæg\\\" afsluttes ikke efter godkendelse", "VIGTIGT!!! SVAR NU???"));
        assertThat(shouted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<String> findings = (List<String>) shouted.getBody().get("titleFindings");
        assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f).doesNotContain("Titlen: Titlen"));
        // and the supportberettiget sees the same advice on analyseError
        String pi = (String) shouted.getBody().get("processInstanceId");
        assertThat((String) runtimeService.getVariable(pi, SupportCaseProcess.Vars.TITLE_FINDINGS))
                .isEqualTo(String.join("\n", findings));
    }

    @Test
    void aSupportberettigetMayReportToo() {
        assertThat(api.post("support2", "/api/cases", VALID).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anotherSuperbrugerCannotReadTheCase() {
        String caseNumber = (String) api.post("superbruger1", "/api/cases", VALID).getBody().get("caseNumber");
        ResponseEntity<Map> other = api.get("superbruger2", "/api/cases/" + caseNumber);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) other.getBody().get("message")).contains("selv har indberettet");
        assertThat(api.post("superbruger2", "/api/cases/" + caseNumber + "/events", """
                {"source": "Kollega", "text": "x"}""").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void unknownCaseIs404() {
        ResponseEntity<Map> response = api.get("support1", "/api/cases/SUP-1999-000001");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) response.getBody().get("message")).isEqualTo("Sagen SUP-1999-000001 findes ikke.");
    }

    @Test
    void withoutLoginIs401AndWrongPasswordToo() {
        ResponseEntity<Map> anonymous = api.post(null, "/api/cases", VALID);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat((String) anonymous.getBody().get("message")).contains("Log ind");
        // not a real user: Camunda delays further logins of a user after a wrong password
        assertThat(new Api(rest.withBasicAuth("nobody", "wrong")).get(null, "/api/cases/SUP-2026-000001")
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void caseworkersCannotOpenCasesThroughTheApi() {
        assertThat(api.post("sagsbehandler1", "/api/cases", VALID).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("drift1", "/api/cases", VALID).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void missingRequiredFieldsAreEachNamedInDanish() {
        long before = cases.count();
        ResponseEntity<Map> response = api.post("superbruger1", "/api/cases", "{\"triedSoFar\": \"Intet\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("actual", "expected", "stepsTaken", "title", "workingOn");
        assertThat(messages(response)).contains("Skriv, hvad du forventede skulle ske – eller hvad du ønsker.");
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void invalidCprIsRefused() {
        for (String cpr : List.of("1503724711", "320190-1234", "011390-1234", "01019-12345", "abcdef-ghij")) {
            ResponseEntity<Map> response = api.post("superbruger1", "/api/cases", VALID.replace("150372-4711", cpr));
            assertThat(response.getStatusCode()).as(cpr).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(response)).containsExactly("cpr");
            assertThat(messages(response).get(0)).contains("ddmmåå-xxxx").doesNotContain(cpr);
        }
    }

    @Test
    void overLongTextIsRefused() {
        String longTitle = "a".repeat(201);
        ResponseEntity<Map> response = api.post("superbruger1", "/api/cases",
                VALID.replace("\"workingOn\": \"Boligstøtte\"", "\"workingOn\": \"" + "b".repeat(4001) + "\"")
                        .replaceFirst("\"title\": \".*?afsluttes ikke efter godkendelse\"", "\"title\": \"" + longTitle + "\""));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("title", "workingOn");
        assertThat(messages(response)).contains("Titlen må højst være 200 tegn.");
    }

    @Test
    void unknownFieldWrongTypeAndMalformedJsonAreRefused() {
        ResponseEntity<Map> unknown = api.post("superbruger1", "/api/cases", VALID.replace("\"cpr\"", "\"personnummer\""));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(unknown)).containsExactly("personnummer");
        assertThat(messages(unknown).get(0)).startsWith("Ukendt felt");

        ResponseEntity<Map> wrongType = api.post("superbruger1", "/api/cases", VALID.replace("\"paymentBlocked\": true",
                "\"paymentBlocked\": \"ja\""));
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(wrongType)).containsExactly("paymentBlocked");
        assertThat(messages(wrongType).get(0)).contains("true eller false");

        ResponseEntity<Map> numberAsTitle = api.post("superbruger1", "/api/cases",
                VALID.replaceFirst("\"title\": \".*?afsluttes ikke efter godkendelse\"", "\"title\": 42"));
        assertThat(numberAsTitle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(numberAsTitle)).containsExactly("title");

        ResponseEntity<Map> badDate = api.post("superbruger1", "/api/cases", VALID.replace("2026-12-15", "15.12.2026"));
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badDate)).containsExactly("availableDate");

        ResponseEntity<Map> malformed = api.post("superbruger1", "/api/cases", "{\"title\": ");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) malformed.getBody().get("message")).isEqualTo("Forespørgslen er ikke gyldig JSON.");
    }

    @Test
    void blockedPaymentNeedsTheAvailableDate() {
        ResponseEntity<Map> response = api.post("superbruger1", "/api/cases",
                VALID.replace(", \"availableDate\": \"2026-12-15\"", ""));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("availableDate");
    }

    @Test
    void newInformationIsAcceptedForAnOpenCase() {
        String caseNumber = (String) api.post("superbruger1", "/api/cases", VALID).getBody().get("caseNumber");
        assertThat(api.post("superbruger1", "/api/cases/" + caseNumber + "/events", """
                {"source": "CPR", "text": "Borgeren er flyttet til en anden kommune"}""").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<Map> empty = api.post("support1", "/api/cases/" + caseNumber + "/events", "{\"source\": \"CPR\"}");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(empty)).containsExactly("text");
    }

    @Test
    @SuppressWarnings("unchecked")
    void minSupportAnswerReachesTheWaitingCase() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        scenario.complete(opened.processInstanceId(), "analyseError", "support1",
                CaseScenario.analysis("escalate", "technicalError", null));
        scenario.reportToMinSupport(opened.processInstanceId(), "support1", Map.of(
                "minSupportCaseNumber", "MS-API-1", "existingMinSupportCase", false, "ticketType", "fejlsag",
                "ticketTitle", "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse", "criticality", "lav"));

        ResponseEntity<Map> delivered = api.post("support2", "/api/minsupport/MS-API-1/answer",
                "{\"answer\": \"Rettet i version 24.4\"}");
        assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delivered.getBody()).containsEntry("caseNumbers", List.of(opened.caseNumber()));
        ResponseEntity<Map> state = api.get("support2", "/api/cases/" + opened.caseNumber());
        assertThat(state.getBody()).containsEntry("stage", "minSupport").containsEntry("minSupportCaseNumber", "MS-API-1")
                .containsEntry("outcome", "escalate").containsEntry("errorClass", "technicalError");
        assertThat((List<Map<String, Object>>) state.getBody().get("openTasks"))
                .extracting(t -> t.get("taskKey")).containsExactly("forwardAnswer");
    }

    @Test
    void minSupportAnswerForANumberNoCaseWaitsOnIsKeptAndOnlyForSupport() {
        String body = "{\"answer\": \"Rettet\"}";
        ResponseEntity<Map> unknown = api.post("support1", "/api/minsupport/MS-NOPE/answer", body);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(unknown.getBody()).containsEntry("minSupportCaseNumber", "MS-NOPE").containsEntry("waitsForCase", true);
        assertThat(api.post("superbruger1", "/api/minsupport/MS-NOPE/answer", body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(ResponseEntity<Map> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> messages(ResponseEntity<Map> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("message")).toList();
    }
}
