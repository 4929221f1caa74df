package dk.supportflow.minsupport.draft;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.CaseReport;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.minsupport.attachment.Attachments;
import dk.supportflow.minsupport.attachment.SampleFiles;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * The MinSupport draft from an escalated case: the Tasklist variable (never a CPR number), the
 * API's JSON and text, and who sees the CPR number in clear.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
@ExtendWith(OutputCaptureExtension.class)
class MinSupportDraftTest {

    static final Pattern CPR = Pattern.compile("150372-?4711");
    static final String TITLE = "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse";

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
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    String caseNumber;
    String pi;

    /** A blocked payment, two steps on two lines, a screenshot; escalated by support1 as a technical error. */
    @BeforeEach
    void escalatedCase() {
        CaseReport report = new CaseReport(TITLE, "Boligstøtte til en pensionist",
                "Åbnede sagen og valgte 'Beregn tillæg'\nGodkendte beregningen", "At opgaven blev afsluttet",
                "Opgaven står stadig som åben", "Et trin tilbage i Gennemførte trin",
                "Teknisk fejl: NullPointerException i beregning", "Beregn tillæg", CaseScenario.CPR, "KP-778899", "BT-12",
                true, LocalDate.of(2026, 12, 15), null, null, null, null, null);
        var opened = caseService.openCase(report, "superbruger1");
        caseNumber = opened.caseNumber();
        pi = opened.processInstanceId();
        attachments.attach(caseNumber, new Attachments.Upload("skaermbillede.png", "image/png", SampleFiles.png()),
                "superbruger1", false);
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", analysis("escalate", "technicalError", null));
    }

    @AfterEach
    void noPhone() {
        identityService.deleteUserInfo("support1", "phone");
    }

    ResponseEntity<String> draft(String user, String accept, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return rest.exchange("/api/cases/" + caseNumber + "/minsupport-draft" + query, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<Map> response = rest.exchange("/api/cases/" + caseNumber + "/minsupport-draft", HttpMethod.GET,
                new HttpEntity<>(headers), Map.class);
        assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** prepareMinSupportReport done: the draft of reportToMinSupport is written. */
    void prepare() {
        claimReport("support1");
        taskService.setAssignee(scenario.task(pi, Tasks.REPORT_TO_MINSUPPORT).getId(), null);
    }

    /** reportToMinSupport, or the job that makes it, is there: the preparation is done. */
    private boolean reportReached() {
        return taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(Tasks.REPORT_TO_MINSUPPORT).count() > 0
                || managementService.createJobQuery().processInstanceId(pi).activityId(Tasks.REPORT_TO_MINSUPPORT).count() > 0;
    }

    /** Takes reportToMinSupport, preparing the report first with what the test has not set itself. */
    void claimReport(String user) {
        if (!reportReached()) {
            Map<String, Object> defaults = Map.of(Vars.TICKET_TYPE, "fejlsag", Vars.TICKET_TITLE, TITLE,
                    Vars.CRITICALITY, "medium", Vars.OTHER_CASES_AFFECTED, "Ja, også på sag KP-778900.");
            defaults.forEach((name, value) -> {
                if (runtimeService.getVariable(pi, name) == null) {
                    runtimeService.setVariable(pi, name, value);
                }
            });
            scenario.complete(pi, Tasks.PREPARE_MINSUPPORT_REPORT, user, Map.of());
        }
        taskService.claim(scenario.task(pi, Tasks.REPORT_TO_MINSUPPORT).getId(), user);
    }

    @Test
    void theTasklistDraftIsReadyToPasteButNeverHoldsTheCprNumber() {
        prepare();
        String draft = (String) scenario.formShows(pi, Tasks.REPORT_TO_MINSUPPORT, Vars.MINSUPPORT_DRAFT);

        assertThat(draft).startsWith("Udkast til MinSupport – sag " + caseNumber)
                .contains("Titel: " + TITLE + "\n")
                .contains("Komponent: Beregn tillæg\n")
                .contains("Brugerens navn: Sanne Support\n")
                .contains("Brugerens e-mail: support1@kommune.example\n")
                .contains("CPR-nummer: se udkastet i Supportflow (vises kun for den tildelte)\n")
                .contains("Sags-ID: KP-778899\n")
                .contains("Opgavens brugervendte nøgle: BT-12\n")
                .contains("Disponibel dato (blokeret udbetaling): 15.12.2026\n")
                .contains("1. Hvilken handling førte til fejlen?\nArbejdede med: Boligstøtte til en pensionist\n\nTrin for trin:\n"
                        + "1. Åbnede sagen og valgte 'Beregn tillæg'\n2. Godkendte beregningen\n")
                .contains("2. Hvad forventede du?\nAt opgaven blev afsluttet\n\nDet skete i stedet: Opgaven står stadig som åben\n")
                .contains("Sagstype: Fejlsag\n")
                .contains("3. Opleves fejlen på andre sager?\nJa, også på sag KP-778900.\n")
                .contains("Teknisk fejltekst:\nTeknisk fejl: NullPointerException i beregning\n")
                .contains("- skaermbillede.png (PNG, ")
                .contains("Mangler endnu: Brugerens telefon");
        assertThat(draft).doesNotContain("150372");

        // nor in Camunda's runtime tables; the history never holds a draft (it is the form's, not the case's)
        assertThat(jdbc.queryForList("select TEXT_ from ACT_RU_VARIABLE where NAME_ = 'minSupportDraft'", String.class))
                .isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("150372"));
        assertThat(jdbc.queryForObject("""
                select (select count(*) from ACT_HI_VARINST where NAME_ = 'minSupportDraft')
                     + (select count(*) from ACT_HI_DETAIL where NAME_ = 'minSupportDraft')""", Integer.class)).isZero();
    }

    @Test
    void onlyTheAssigneeSeesTheCprNumberInClear() {
        prepare();
        // nobody has taken reportToMinSupport yet
        Map<String, Object> unassigned = json("support1");
        assertThat(unassigned).containsEntry("cpr", "150372-xxxx").containsEntry("cprInClear", false);
        assertThat((String) unassigned.get("cprNote")).contains("Tag opgaven i Tasklist");

        claimReport("support1");
        assertThat(json("support1")).containsEntry("cpr", CaseScenario.CPR).containsEntry("cprInClear", true)
                .containsEntry("cprNote", null);
        for (String other : List.of("support2", "admin")) {
            Map<String, Object> masked = json(other);
            assertThat(masked).as(other).containsEntry("cpr", "150372-xxxx").containsEntry("cprInClear", false);
            assertThat((String) masked.get("cprNote")).as(other).contains("Sanne Support").doesNotContain("support1").contains("Indberet til MinSupport");
        }
        ResponseEntity<String> otherAsText = draft("support2", "text/plain", "");
        assertThat(otherAsText.getBody()).contains("CPR-nummer: 150372-xxxx [CPR-nummeret vises kun for Sanne Support");
        assertThat(CPR.matcher(otherAsText.getBody()).find()).isFalse();

        // reported: no task of the case shows it any longer
        scenario.complete(pi, Tasks.REPORT_TO_MINSUPPORT, "support1", Map.of(Vars.MINSUPPORT_CASE_NUMBER, "MS-DRAFT-1"));
        Map<String, Object> afterwards = json("support1");
        assertThat(afterwards).containsEntry("cpr", "150372-xxxx").containsEntry("cprInClear", false);
        assertThat((String) afterwards.get("cprNote")).contains("ingen af dem åbne");
    }

    @Test
    void theAssigneeOfTheAnalysisSeesItToo() {
        var opened = scenario.open("Brevet \"Afgørelse om boligstøtte\" mangler adressen fra CPR");
        caseNumber = opened.caseNumber();
        taskService.claim(scenario.task(opened.processInstanceId(), Tasks.ANALYSE_ERROR).getId(), "support2");
        assertThat(json("support2")).containsEntry("cpr", CaseScenario.CPR).containsEntry("cprInClear", true);
        assertThat(json("support1")).containsEntry("cprInClear", false);
    }

    @Test
    void superbrugereAndCaseworkersMayNotSeeTheDraft() {
        for (String user : List.of("superbruger1", "superbruger2", "sagsbehandler1", "drift1")) {
            ResponseEntity<String> response = draft(user, "application/json", "");
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody()).as(user).contains("ikke adgang").doesNotContain("Boligstøtte");
        }
        assertThat(draft("support1", "application/json", "").getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders anonymous = new HttpHeaders();
        assertThat(rest.exchange("/api/cases/" + caseNumber + "/minsupport-draft", HttpMethod.GET, new HttpEntity<>(anonymous),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(draft("support1", "application/json", "").getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders unknown = new HttpHeaders();
        unknown.setBasicAuth("support1", "demo");
        assertThat(rest.exchange("/api/cases/SUP-1999-000001/minsupport-draft", HttpMethod.GET, new HttpEntity<>(unknown),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonHasEveryFieldMinSupportAsksFor() {
        identityService.setUserInfo("support1", "phone", "+45 33 12 34 56");
        Map<String, Object> analysis = new HashMap<>();
        analysis.put(Vars.TICKET_TYPE, "supportsag");
        analysis.put(Vars.SUPPORT_TYPE, "Sletning af fejloprettet sag");
        analysis.put(Vars.TICKET_TITLE, "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse af boligstøtte");
        analysis.put(Vars.CRITICALITY, "hoej");
        // a CPR number typed into a free text that no completion rule masked (another citizen's: the shared
        // test database must never hold the case's number in clear, see CprLeakTest)
        analysis.put(Vars.CRITICALITY_JUSTIFICATION, "Udbetalingen til borger 010190-1234 er blokeret");
        analysis.put(Vars.OTHER_CASES_AFFECTED, "Ja, også på sag KP-778900; på KP-778901 virkede det.");
        runtimeService.setVariables(pi, analysis);
        claimReport("support1");

        Map<String, Object> draft = json("support1");
        runtimeService.removeVariable(pi, Vars.CRITICALITY_JUSTIFICATION);

        assertThat(draft.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TicketDraft.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList());
        assertThat(draft).containsEntry("caseNumber", caseNumber)
                .containsEntry("ticketType", "supportsag").containsEntry("ticketTypeName", "Supportsag")
                .containsEntry("supportType", "Sletning af fejloprettet sag")
                .containsEntry("title", "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse af boligstøtte")
                .containsEntry("component", "Beregn tillæg")
                .containsEntry("criticality", "hoej").containsEntry("criticalityName", "Høj")
                // from the decision suggestCriticality, run before the task: a payment is blocked
                .containsEntry("suggestedCriticality", "medium").containsEntry("suggestedCriticalityName", "Medium")
                // masked in the draft too
                .containsEntry("criticalityJustification", "Udbetalingen til borger 010190-xxxx er blokeret")
                .containsEntry("user", Map.of("userId", "support1", "name", "Sanne Support",
                        "email", "support1@kommune.example", "phone", "+45 33 12 34 56"))
                .containsEntry("cpr", CaseScenario.CPR).containsEntry("cprInClear", true)
                .containsEntry("kpCaseId", "KP-778899").containsEntry("kpTaskKey", "BT-12")
                .containsEntry("paymentBlocked", true).containsEntry("availableDate", "2026-12-15")
                .containsEntry("errorClass", "technicalError").containsEntry("errorClassName", "Teknisk fejl")
                .containsEntry("technicalErrorText", "Teknisk fejl: NullPointerException i beregning")
                .containsEntry("missing", List.of());
        Map<String, Object> description = (Map<String, Object>) draft.get("description");
        assertThat(description).containsOnlyKeys("action", "expected", "otherCases", "otherCasesFilledIn")
                .containsEntry("otherCases", "Ja, også på sag KP-778900; på KP-778901 virkede det.")
                .containsEntry("otherCasesFilledIn", true);
        assertThat((String) description.get("action")).startsWith("Arbejdede med: Boligstøtte til en pensionist")
                .contains("1. Åbnede sagen").contains("Allerede prøvet: Et trin tilbage i Gennemførte trin");
        assertThat((String) description.get("expected")).isEqualTo(
                "At opgaven blev afsluttet\n\nDet skete i stedet: Opgaven står stadig som åben");
        assertThat((List<Map<String, Object>>) draft.get("attachments")).singleElement()
                .satisfies(file -> assertThat(file).containsEntry("name", "skaermbillede.png")
                        .containsEntry("type", "image/png").containsEntry("typeName", "PNG").containsKeys("id", "size")
                        .containsEntry("pdfUrl", "/api/cases/" + caseNumber + "/attachments/" + file.get("id") + "/pdf"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutAnalysisChoicesTheDraftFallsBackAndSaysWhatIsMissing() {
        Map<String, Object> draft = json("support2");

        assertThat(draft).containsEntry("title", TITLE).containsEntry("ticketType", null).containsEntry("ticketTypeName", null)
                .containsEntry("supportType", null).containsEntry("criticality", null)
                .containsEntry("criticalityJustification", null);
        // the supportberettiget who has the case reports it, not the caller
        assertThat((Map<String, Object>) draft.get("user")).containsEntry("userId", "support1").containsEntry("phone", null);
        assertThat((Map<String, Object>) draft.get("description")).containsEntry("otherCasesFilledIn", false)
                .containsEntry("otherCases", TicketDraftBuilder.OTHER_CASES_PLACEHOLDER);
        assertThat((List<String>) draft.get("missing"))
                .containsExactly("Sagstype", "Kritikalitet", "Brugerens telefon", "Opleves fejlen på andre sager?");
    }

    @Test
    void asPlainTextItIsReadyToPaste(CapturedOutput output) {
        attachments.attach(caseNumber, new Attachments.Upload("fejlbesked.pdf", "application/pdf", SampleFiles.pdf()),
                "support1", true);
        runtimeService.setVariable(pi, Vars.TICKET_TYPE, "fejlsag");
        claimReport("support1");

        ResponseEntity<String> text = draft("support1", "text/plain", "");

        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/plain;charset=UTF-8"));
        assertThat(text.getHeaders().getCacheControl()).contains("no-store");
        assertThat(text.getBody()).startsWith("Udkast til MinSupport – sag " + caseNumber)
                .contains("Sagstype: Fejlsag\n")
                .doesNotContain("Supporttype")
                .contains("Kritikalitet: Medium\n")
                .contains("CPR-nummer: 150372-4711\n")
                .contains("\n1. Hvilken handling førte til fejlen?\n")
                .contains("\n2. Hvad forventede du?\n")
                .contains("\n3. Opleves fejlen på andre sager?\n")
                .containsPattern("- skaermbillede.png \\(PNG, [^)]*\\) – vedhæftes som PDF\n")
                .containsPattern("- fejlbesked.pdf \\(PDF, [^)]*\\)\n")
                .contains(TicketDraftText.IMAGES_AS_PDF)
                .doesNotContain("/api/cases/" + caseNumber + "/attachments");
        // a link in the browser cannot set Accept; the default is JSON
        assertThat(draft("support1", null, "?format=text").getBody()).isEqualTo(text.getBody());
        assertThat(draft("support1", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "")
                .getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(draft("support1", "application/json", "?format=pdf").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // never logged
        assertThat(CPR.matcher(output.getAll()).find()).isFalse();
        assertThat(output.getAll()).doesNotContain("Hvilken handling førte til fejlen?").doesNotContain("Boligstøtte til en pensionist");
        assertThat(output.getAll()).contains("MinSupport draft of case " + caseNumber + " shown to support1 with the CPR number in clear");
    }
}
