package dk.supportflow.minsupport;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.CasePersonalData;
import dk.supportflow.cases.CaseReport;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.minsupport.attachment.Attachments;
import dk.supportflow.minsupport.attachment.SampleFiles;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Erasing a citizen (issue 3) also removes what the MinSupport step keeps: attachments and the draft variable. */
@SupportflowTest
class MinSupportErasureTest {

    /** A citizen of this test only: erasure finds every case with the number. */
    static final String CITIZEN = "241166-2468";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SupportCaseService caseService;
    @Autowired
    CaseScenario scenario;
    @Autowired
    Attachments attachments;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void erasingTheCitizenRemovesTheAttachmentsAndTheDraftText() {
        String marker = "Skovbrynet-" + System.nanoTime();
        CaseReport report = new CaseReport("Opgaven \"Beregn tillæg\" afsluttes ikke", marker + " arbejdede med boligstøtte",
                "Godkendte beregningen", "At opgaven blev afsluttet", "Opgaven står åben", null, null, "Beregn tillæg",
                CITIZEN, null, null, false, null, null, null, null, null, null);
        var opened = caseService.openCase(report, "superbruger1");
        attachments.attach(opened.caseNumber(), new Attachments.Upload("borger.png", "image/png", SampleFiles.png()),
                "superbruger1", false);
        scenario.complete(opened.processInstanceId(), Tasks.ANALYSE_ERROR, "support1", analysis("escalate", "processError", null));
        scenario.complete(opened.processInstanceId(), Tasks.PREPARE_MINSUPPORT_REPORT, "support1", Map.of(Vars.TICKET_TYPE,
                "fejlsag", Vars.TICKET_TITLE, "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse",
                Vars.CRITICALITY, "lav", Vars.OTHER_CASES_AFFECTED, "Ikke prøvet på andre sager."));
        assertThat((String) scenario.formShows(opened.processInstanceId(), Tasks.REPORT_TO_MINSUPPORT, Vars.MINSUPPORT_DRAFT))
                .contains(marker);
        assertThat(attachments.list(opened.caseNumber(), "support1", true)).hasSize(1);

        Api api = new Api(rest);
        assertThat(api.post("admin", "/api/privacy/citizens/erase", "{\"cpr\": \"" + CITIZEN + "\"}").getBody()).containsEntry("casesErased", 1);

        assertThat(attachments.list(opened.caseNumber(), "support1", true)).isEmpty();
        assertThat(scenario.formShows(opened.processInstanceId(), Tasks.REPORT_TO_MINSUPPORT, Vars.MINSUPPORT_DRAFT))
                .as("the open task's draft goes with the citizen").isNull();
        assertThat(jdbc.queryForObject("""
                select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and TEXT_ like ?""", Integer.class,
                opened.processInstanceId(), "%" + marker + "%")).isZero();
        // the case goes on: the draft from the API is built from what is left
        ResponseEntity<Map> draft = api.get("support1", "/api/cases/" + opened.caseNumber() + "/minsupport-draft");
        assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(draft.getBody()).containsEntry("cpr", null).containsEntry("kpCaseId", null);
    }
}
