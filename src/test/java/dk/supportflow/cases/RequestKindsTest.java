package dk.supportflow.cases;

import static dk.supportflow.ReceivedMails.subjectStartsWith;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.ReceivedMails;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.process.SupportCaseProcess;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every kind of request (error, supportsag, ændringsønske), the whole description (other cases,
 * Opgave-ID) and a case registered on behalf of a superbruger: through the API, as its users meet it.
 */
@SupportflowTest
class RequestKindsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    static final String SUPPORT_REQUEST = """
            {"kind": "supportRequest", "title": "Slet fejloprettet sag om personligt tillæg",
             "workingOn": "En sag om personligt tillæg blev oprettet to gange for samme borger",
             "expected": "At leverandøren sletter den ene sag", "component": "personligt  TILLÆG",
             "kpCaseId": "KP-5511"}
            """;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CaseScenario scenario;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aSupportRequestNeedsNoStepsAndIsReportedAsASupportsagWithoutErrorClassOrGangmoedeTopic() throws Exception {
        ResponseEntity<Map> created = api.post("superbruger1", "/api/cases", SUPPORT_REQUEST);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String pi = (String) created.getBody().get("processInstanceId");
        String caseNumber = (String) created.getBody().get("caseNumber");
        assertThat(runtimeService.getVariables(pi)).containsEntry(Vars.KIND, "supportRequest")
                .containsEntry(Vars.TICKET_TYPE, "supportsag")
                // the configured spelling, whatever the reporter typed
                .containsEntry(Vars.COMPONENT, "Personligt tillæg");
        assertThat(api.get("superbruger1", "/api/cases/" + caseNumber).getBody())
                .containsEntry("kind", "supportRequest").containsEntry("component", "Personligt tillæg");

        // the form points to KOMBIT's guides (supportflow.links.document-library)
        assertThat(scenario.formShows(pi, SupportCaseProcess.Tasks.ANALYSE_ERROR, Vars.DOCUMENT_LIBRARY_URL)).isEqualTo("https://www.kombit.dk/kp");

        // analysis asks no error class; one sent anyway is not kept
        scenario.complete(pi, SupportCaseProcess.Tasks.ANALYSE_ERROR, "support1", Map.of(Vars.OUTCOME, "solvedLocally",
                Vars.ERROR_CLASS, "userError", Vars.ANSWER, "Sagen er slettet af leverandøren."));
        assertThat(runtimeService.getVariable(pi, Vars.ERROR_CLASS)).isNull();
        scenario.executeJob(pi, SupportCaseProcess.Elements.TASK_MAIL_ANSWER);
        scenario.dispatchMails();
        MimeMessage answer = ReceivedMails.await(smtp, subjectStartsWith("[" + caseNumber + "] Svar på din henvendelse"), 1).get(0);
        assertThat(ReceivedMails.text(answer)).contains("Vejledninger til KP finder du i KOMBITs dokumentbibliotek:").contains("https://www.kombit.dk/kp");
        scenario.complete(pi, SupportCaseProcess.Tasks.PLAN_KNOWLEDGE_SHARING, "support1",
                Map.of(Vars.SHARE_WITH_CASEWORKERS, false));
        scenario.closeCase(pi);
        assertThat(jdbc.queryForObject("select count(*) from error_pattern_occurrence where case_number = ?", Long.class,
                caseNumber)).isZero();
    }

    @Test
    void anErrorStillNeedsItsStepsAndWhatHappenedAndAnUnknownKindIsNamedInDanish() {
        ResponseEntity<Map> error = api.post("superbruger1", "/api/cases",
                SUPPORT_REQUEST.replace("\"supportRequest\"", "\"error\""));
        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(error)).containsExactly("actual", "stepsTaken");

        ResponseEntity<Map> unknown = api.post("superbruger1", "/api/cases",
                SUPPORT_REQUEST.replace("\"supportRequest\"", "\"bug\""));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(unknown)).containsExactly("kind");
        assertThat((String) ((List<Map>) unknown.getBody().get("errors")).get(0).get("message"))
                .isEqualTo("Vælg, hvad henvendelsen drejer sig om: en fejl, en supportsag eller et ændringsønske.");
    }

    @Test
    void theReportersOtherCasesAndOpgaveIdGoIntoTheDraft() {
        ResponseEntity<Map> created = api.post("superbruger1", "/api/cases", CaseApiTest.VALID.replace("\"cpr\"",
                "\"otherCasesAffected\": \"Ja, også på sag KP-4410.\", \"kpTaskId\": \"OP-3321\", \"cpr\""));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) created.getBody().get("caseNumber");
        assertThat(api.get("superbruger1", "/api/cases/" + caseNumber).getBody())
                .containsEntry("otherCasesAffected", "Ja, også på sag KP-4410.").containsEntry("kpTaskId", "OP-3321")
                .containsEntry("kind", "error");
        String draft = api.getText("support1", "/api/cases/" + caseNumber + "/minsupport-draft?format=text").getBody();
        assertThat(draft).contains("3. Opleves fejlen på andre sager?\nJa, også på sag KP-4410.\n")
                .contains("Information på sagen\nSags-ID: (ikke oplyst)\nOpgave-ID: OP-3321\n")
                .doesNotContain("[Udfyld: Opleves fejlen");
    }

    @Test
    void aSupportberettigetRegistersACaseForASuperbrugerWhoThenOwnsIt() throws Exception {
        String onBehalf = SUPPORT_REQUEST.replace("\"kind\"", "\"reporter\": \"superbruger2\", \"channel\": \"telefon\", \"kind\"");
        ResponseEntity<Map> created = api.post("support1", "/api/cases", onBehalf);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) created.getBody().get("caseNumber");
        String pi = (String) created.getBody().get("processInstanceId");

        ResponseEntity<Map> asReporter = api.get("superbruger2", "/api/cases/" + caseNumber);
        assertThat(asReporter.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asReporter.getBody()).containsEntry("reporter", "superbruger2")
                .containsEntry("registeredBy", "support1").containsEntry("channel", "telefon");
        assertThat(runtimeService.getVariables(pi)).containsEntry(Vars.REPORTER, "superbruger2")
                .doesNotContainKey(Vars.CHANNEL);
        assertThat((String) runtimeService.getVariable(pi, Vars.REGISTERED_BY_NOTE)).startsWith("registreret af ")
                .endsWith(" efter en telefonsamtale").doesNotContain("support1");

        scenario.dispatchMails();
        MimeMessage receipt = ReceivedMails.await(smtp, subjectStartsWith("[" + caseNumber + "]"), 1).get(0);
        assertThat(ReceivedMails.recipient(receipt)).isEqualTo("superbruger2@kommune.example");
        assertThat(ReceivedMails.text(receipt)).contains("har registreret din henvendelse i Supportflow efter en telefonsamtale");
    }

    @Test
    void onlySupportberettigedeRegisterForOthersAndTheyMustSayForWhomAndHow() {
        String forOther = SUPPORT_REQUEST.replace("\"kind\"", "\"reporter\": \"superbruger2\", \"channel\": \"mail\", \"kind\"");
        long before = cases().size();
        ResponseEntity<Map> superbruger = api.post("superbruger1", "/api/cases", forOther);
        assertThat(superbruger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) superbruger.getBody().get("message")).isEqualTo(
                "Kun de supportberettigede kan registrere en henvendelse for en anden.");

        ResponseEntity<Map> noChannel = api.post("support1", "/api/cases", forOther.replace(", \"channel\": \"mail\"", ""));
        assertThat(noChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(noChannel)).containsExactly("channel");

        ResponseEntity<Map> nobody = api.post("support1", "/api/cases", forOther.replace("superbruger2", "ingen.saadan"));
        assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(nobody)).containsExactly("reporter");

        ResponseEntity<Map> badChannel = api.post("support1", "/api/cases", forOther.replace("\"mail\"", "\"fax\""));
        assertThat(badChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badChannel)).containsExactly("channel");
        assertThat(cases()).hasSize((int) before);
    }

    private List<String> cases() {
        return jdbc.queryForList("select case_number from support_case", String.class);
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(ResponseEntity<Map> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).sorted().toList();
    }
}
