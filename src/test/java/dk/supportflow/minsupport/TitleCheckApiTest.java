package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The title check as an endpoint and as the rule that guards reportToMinSupport. */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class TitleCheckApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    RuntimeService runtimeService;

    @Test
    @SuppressWarnings("unchecked")
    void theEndpointExplainsWhatIsWrongInDanish() {
        Api api = new Api(rest);
        ResponseEntity<Map> bad = api.post("support1", "/api/minsupport/title-check", "{\"title\": \"VIGTIGT!!! SVAR NU???\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bad.getBody()).containsEntry("acceptable", false);
        assertThat((List<Map<String, String>>) bad.getBody().get("findings")).extracting(f -> f.get("code"))
                .contains("SHOUTING", "PRESSURE", "PUNCTUATION");

        ResponseEntity<Map> good = api.post("superbruger1", "/api/minsupport/title-check",
                "{\"title\": \"Adresse fra CPR vises ikke i brevet \\\"Afgørelse om boligstøtte\\\"\"}");
        assertThat(good.getBody()).containsEntry("acceptable", true).containsEntry("findings", List.of());

        assertThat(api.post("sagsbehandler1", "/api/minsupport/title-check", "{\"title\": \"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("support1", "/api/minsupport/title-check", "{\"titel\": \"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theReportCannotBePreparedWithABadTitleAndTheTaskStaysOpen() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", CaseScenario.analysis("escalate", "technicalError", null));
        Map<String, Object> report = new HashMap<>(Map.of(Vars.TICKET_TYPE, "fejlsag", Vars.CRITICALITY, "lav",
                Vars.TICKET_TITLE, "Ring mig op", Vars.OTHER_CASES_AFFECTED, "Ikke prøvet på andre sager."));

        // checked before the ticket exists in MinSupport: prepareMinSupportReport asks no MinSupport number
        assertThatThrownBy(() -> scenario.complete(pi, Tasks.PREPARE_MINSUPPORT_REPORT, "support1", report))
                .hasMessageContaining("Beskriv problemet i stedet for at bede om at blive ringet op.")
                .message().doesNotContain("Titlen: Titlen");
        assertThat(scenario.task(pi, Tasks.PREPARE_MINSUPPORT_REPORT)).isNotNull();

        // following an existing MinSupport case: its title is the vendor's, not ours to judge
        scenario.complete(pi, Tasks.PREPARE_MINSUPPORT_REPORT, "support1",
                Map.of(Vars.EXISTING_MINSUPPORT_CASE, true, Vars.MINSUPPORT_CASE_NUMBER, " ms-1 ", Vars.CRITICALITY, "lav"));
        scenario.complete(pi, Tasks.REPORT_TO_MINSUPPORT, "support1", Map.of(Vars.MINSUPPORT_CASE_NUMBER, " ms-1 "));
        // kept as it is matched: trimmed and upper-cased
        assertThat(runtimeService.getVariable(pi, Vars.MINSUPPORT_CASE_NUMBER)).isEqualTo("MS-1");
    }
}
