package dk.supportflow.privacy;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.CasePersonalData;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.knowledge.SolvedCaseRepository;
import dk.supportflow.notification.OutboxMail;
import dk.supportflow.notification.OutboxMailRepository;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding and erasing a citizen's data through {@code /api/privacy/citizens/search} and
 * {@code .../erase} (the CPR number in the body): who may, what is erased (closed and running
 * cases), that a running case goes on, and the audit trail.
 * Uses CPR numbers of its own, so the cases of other tests are never touched.
 */
@SupportflowTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyApiTest {

    static final String CITIZEN = "241165-3318";
    static final String OTHER_CITIZEN = "030381-2206";
    /** The citizen's number as it may appear anywhere: with or without the hyphen. */
    static final Pattern CITIZEN_DIGITS = Pattern.compile("241165-?3318");
    /** Only the old-path test uses it, so that no other test's erasure touches its case. */
    static final String CITIZEN_IN_URL = "280576-3318";
    static final String PLACEHOLDER = CasePersonalData.ERASURE_PLACEHOLDER;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    SolvedCaseRepository solvedCases;
    @Autowired
    OutboxMailRepository outbox;
    @Autowired
    CprLookup cprLookup;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void adminFindsAndErasesTheCitizenOnClosedAndRunningCasesAndTheRunningOneGoesOn(CapturedOutput output) {
        String marker = "Vejlegården-" + System.nanoTime();
        var closed = open(CITIZEN, marker + " lukket");
        runToTheEnd(closed.get("processInstanceId"), "Brug ydelsen helbredstillæg.");
        var running = open(CITIZEN, marker + " åben");
        String runningPi = running.get("processInstanceId");
        cases.addInformation(running.get("caseNumber"), "Kollega", "Borgeren " + marker + " har ringet", "superbruger1", false);
        scenario.executeJob(runningPi, Elements.TASK_REGISTER_CASE_INFORMATION);
        var unrelated = open(OTHER_CITIZEN, marker + " anden borger");
        scenario.dispatchMails();
        assertThat(sentMails(closed.get("caseNumber"))).isNotEmpty();
        assertThat(sentMails(running.get("caseNumber"))).isNotEmpty();
        long auditRowsBefore = auditRows();

        ResponseEntity<Map> found = search("admin", CITIZEN);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).containsEntry("casesFound", 2);
        assertThat((List<String>) found.getBody().get("caseNumbers"))
                .containsExactly(closed.get("caseNumber"), running.get("caseNumber"));

        ResponseEntity<Map> erased = erase("admin", CITIZEN);
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).containsEntry("casesErased", 2);
        assertThat((List<String>) erased.getBody().get("caseNumbers"))
                .containsExactly(closed.get("caseNumber"), running.get("caseNumber"));

        for (Map<String, String> erasedCase : List.of(closed, running)) {
            Map<String, Object> view = api.get("admin", "/api/cases/" + erasedCase.get("caseNumber")).getBody();
            assertThat(view.get("cpr")).isNull();
            assertThat(view).containsEntry("workingOn", PLACEHOLDER).containsEntry("stepsTaken", PLACEHOLDER)
                    .containsEntry("expected", PLACEHOLDER).containsEntry("actual", PLACEHOLDER)
                    .containsEntry("triedSoFar", PLACEHOLDER).containsEntry("errorMessage", PLACEHOLDER)
                    .containsEntry("otherCasesAffected", PLACEHOLDER)
                    .doesNotContainKeys("kpCaseId", "kpTaskKey", "kpTaskId", "availableDate");
            assertThat((String) view.get("title")).startsWith(marker);
            assertThat((List<?>) view.get("information")).isEmpty();
            assertThat(sentMails(erasedCase.get("caseNumber"))).isEmpty();
            assertThat(textsInCamundaContaining(marker, erasedCase.get("processInstanceId")))
                    .as("report texts left in Camunda's variables and history").isEmpty();
        }
        // the closed case's knowledge stays
        assertThat(solvedCases.findByCaseNumber(closed.get("caseNumber")).orElseThrow().getAnswer())
                .isEqualTo("Brug ydelsen helbredstillæg.");
        // another citizen's case is untouched
        Map<String, Object> other = api.get("admin", "/api/cases/" + unrelated.get("caseNumber")).getBody();
        assertThat(other).containsEntry("cpr", "030381-xxxx").containsEntry("workingOn", marker + " anden borger arbejdede med");

        // the running case goes on, its forms showing the placeholder instead of the texts
        assertThat(runtimeService.getVariable(runningPi, Vars.WORKING_ON)).isEqualTo(PLACEHOLDER);
        assertThat(runtimeService.getVariable(runningPi, Vars.CASE_INFORMATION)).isEqualTo(PLACEHOLDER);
        assertThat(runtimeService.getVariable(runningPi, Vars.KP_CASE_ID)).isNull();
        assertThat(runtimeService.getVariable(runningPi, Vars.CPR_REGISTERED)).isEqualTo(false);
        runToTheEnd(runningPi, "Fejlen er rettet.");
        assertThat(api.get("admin", "/api/cases/" + running.get("caseNumber")).getBody()).containsEntry("stage", "closed");
        assertThat(solvedCases.findByCaseNumber(running.get("caseNumber"))).isPresent();

        // idempotent: nothing is left to find or erase
        assertThat(erase("admin", CITIZEN).getBody())
                .containsEntry("casesErased", 0).containsEntry("caseNumbers", List.of());
        assertThat(search("admin", CITIZEN).getBody()).containsEntry("casesFound", 0);

        List<Map<String, Object>> audit = jdbc.queryForList(
                "select actor, action, case_count, case_numbers from privacy_audit order by id offset ? rows", auditRowsBefore);
        String both = closed.get("caseNumber") + "," + running.get("caseNumber");
        // by column name: H2 reports it in upper case, PostgreSQL in lower case (the row map ignores case)
        assertThat(audit).extracting(row -> row.get("actor"), row -> row.get("action"), row -> row.get("case_count"),
                row -> row.get("case_numbers")).containsExactly(
                tuple("admin", "FIND", 2, both),
                tuple("admin", "ERASE", 2, both),
                tuple("admin", "ERASE", 0, ""),
                tuple("admin", "FIND", 0, ""));
        assertThat(auditTableText()).doesNotContainPattern(CITIZEN_DIGITS).doesNotContain(cprLookup.hash(CITIZEN));
        assertThat(CITIZEN_DIGITS.matcher(output.getAll()).find()).as("the CPR number in the log output").isFalse();
    }

    @Test
    void onlyAdministratorsMayFindOrErase() {
        var opened = open(OTHER_CITIZEN, "Adgangsprøve " + System.nanoTime());
        long auditRowsBefore = auditRows();
        for (String user : List.of("support1", "superbruger1", "sagsbehandler1", "drift1")) {
            for (ResponseEntity<Map> response : List.of(search(user, OTHER_CITIZEN),
                    erase(user, OTHER_CITIZEN))) {
                assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(response.getBody()).containsEntry("message", "Du har ikke adgang til denne funktion.");
            }
        }
        assertThat(erase(null, OTHER_CITIZEN).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("admin", "/api/cases/" + opened.get("caseNumber")).getBody()).containsEntry("cpr", "030381-xxxx");
        assertThat(auditRows()).isEqualTo(auditRowsBefore);
    }

    @Test
    void aMalformedCprIsRefusedWithADanishMessageAndNothingIsLookedUp() {
        long auditRowsBefore = auditRows();
        for (String bad : List.of("99", "2411653318", "321265-3318", "241365-3318", "24116a-3318")) {
            for (ResponseEntity<Map> response : List.of(search("admin", bad),
                    erase("admin", bad))) {
                assertThat(response.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(response.getBody()).containsEntry("message", Cpr.INVALID_MESSAGE);
                assertThat(response.getBody().toString()).doesNotContain(bad);
            }
        }
        for (String path : List.of("/api/privacy/citizens/search", "/api/privacy/citizens/erase")) {
            ResponseEntity<Map> noNumber = api.post("admin", path, "{}");
            assertThat(noNumber.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(noNumber.getBody()).containsEntry("message", Cpr.INVALID_MESSAGE);
        }
        assertThat(auditRows()).isEqualTo(auditRowsBefore);
    }

    @Test
    void casesFromBeforeTheLookupColumnAreFoundAndErasedToo() {
        String cpr = "170854-1921";
        var opened = open(cpr, "Ældre sag " + System.nanoTime());
        // as a case registered before migration V2 looks
        jdbc.update("update support_case set cpr_lookup = null where case_number = ?", opened.get("caseNumber"));

        assertThat((List<String>) search("admin", cpr).getBody().get("caseNumbers"))
                .containsExactly(opened.get("caseNumber"));
        assertThat(erase("admin", cpr).getBody()).containsEntry("casesErased", 1);
        assertThat(api.get("admin", "/api/cases/" + opened.get("caseNumber")).getBody().get("cpr")).isNull();
    }

    @Test
    void theOldPathsWithTheCprNumberInTheUrlAnswer404AndNeverRepeatTheNumber() {
        var opened = open(CITIZEN_IN_URL, "Gammel adresse " + System.nanoTime());
        long auditRowsBefore = auditRows();
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE, HttpMethod.POST, HttpMethod.PUT)) {
            for (String path : List.of("/api/privacy/citizens/" + CITIZEN_IN_URL, "/api/privacy/citizens/2805763318",
                    "/api/privacy/citizens/" + CITIZEN_IN_URL + "/erase")) {
                ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>("{}", adminJson()), String.class);
                assertThat(response.getStatusCode()).as(method + " " + path).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(response.getBody()).as(method + " " + path).contains("Adressen findes ikke")
                        .doesNotContain("280576").doesNotContain("3318");
            }
        }
        assertThat(api.get("admin", "/api/cases/" + opened.get("caseNumber")).getBody()).containsEntry("cpr", "280576-xxxx");
        assertThat(auditRows()).isEqualTo(auditRowsBefore);
        // the new paths take the number in the body only
        assertThat(rest.exchange("/api/privacy/citizens/search", HttpMethod.GET, new HttpEntity<>(adminJson()), String.class)
                .getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void anErstatningspersonnummerIsFoundAndErased() {
        String replacement = "750372-4711";
        var opened = open(replacement, "Erstatningspersonnummer " + System.nanoTime());
        assertThat(api.get("admin", "/api/cases/" + opened.get("caseNumber")).getBody()).containsEntry("cpr", "750372-xxxx");
        assertThat((List<String>) search("admin", replacement).getBody().get("caseNumbers"))
                .containsExactly(opened.get("caseNumber"));
        assertThat(erase("admin", replacement).getBody()).containsEntry("casesErased", 1);
    }

    private ResponseEntity<Map> search(String user, String cpr) {
        return api.post(user, "/api/privacy/citizens/search", citizen(cpr));
    }

    private ResponseEntity<Map> erase(String user, String cpr) {
        return api.post(user, "/api/privacy/citizens/erase", citizen(cpr));
    }

    private static String citizen(String cpr) {
        return "{\"cpr\": \"" + cpr + "\"}";
    }

    private static HttpHeaders adminJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /** Opens a case through the API as superbruger1; returns caseNumber and processInstanceId. */
    private Map<String, String> open(String cpr, String title) {
        ResponseEntity<Map> created = api.post("superbruger1", "/api/cases", """
                {"title": "%1$s", "workingOn": "%1$s arbejdede med", "stepsTaken": "%1$s trin",
                 "expected": "%1$s forventet", "actual": "%1$s skete", "triedSoFar": "%1$s prøvet",
                 "errorMessage": "%1$s fejltekst", "component": "Beregn tillæg", "cpr": "%2$s",
                 "kpCaseId": "KP-4455", "kpTaskKey": "BT-7", "kpTaskId": "OP-77", "paymentBlocked": true,
                 "availableDate": "2026-03-01", "otherCasesAffected": "%1$s andre sager"}
                """.formatted(title, cpr));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return Map.of("caseNumber", (String) created.getBody().get("caseNumber"),
                "processInstanceId", (String) created.getBody().get("processInstanceId"));
    }

    private void runToTheEnd(String pi, String answer) {
        scenario.solveLocallyAndClose(pi, "userError", answer);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).as("process ended").isZero();
    }

    private List<OutboxMail> sentMails(String caseNumber) {
        return outbox.findByCaseNumberOrderByIdAsc(caseNumber).stream()
                .filter(m -> m.getStatus() == OutboxMail.Status.SENT).toList();
    }

    /** Names of the variables of the process whose runtime or historic value contains the text. */
    private List<String> textsInCamundaContaining(String text, String processInstanceId) {
        String like = "%" + text + "%";
        return jdbc.queryForList("""
                select 'ACT_RU_VARIABLE.' || name_ from act_ru_variable where proc_inst_id_ = ? and (text_ like ? or text2_ like ?)
                union all
                select 'ACT_HI_VARINST.' || name_ from act_hi_varinst where proc_inst_id_ = ? and (text_ like ? or text2_ like ?)
                union all
                select 'ACT_HI_DETAIL.' || name_ from act_hi_detail where proc_inst_id_ = ? and (text_ like ? or text2_ like ?)
                """, String.class, processInstanceId, like, like, processInstanceId, like, like, processInstanceId, like, like)
                .stream()
                // the title is kept on purpose
                .filter(hit -> !hit.endsWith("." + Vars.TITLE) && !hit.endsWith("." + Vars.TICKET_TITLE))
                .toList();
    }

    private long auditRows() {
        return jdbc.queryForObject("select count(*) from privacy_audit", Long.class);
    }

    private String auditTableText() {
        return String.join("\n", jdbc.query("select * from privacy_audit", (rs, row) -> {
            StringBuilder line = new StringBuilder();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                line.append(rs.getString(column)).append(';');
            }
            return line.toString();
        }));
    }
}
