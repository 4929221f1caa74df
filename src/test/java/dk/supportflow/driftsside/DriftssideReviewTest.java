package dk.supportflow.driftsside;

import static dk.supportflow.ReceivedMails.recipient;
import static dk.supportflow.ReceivedMails.subject;
import static dk.supportflow.process.DriftssideProcess.Elements;
import static dk.supportflow.process.DriftssideProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.CaseReport;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.knowledge.KnowledgeEntries;
import dk.supportflow.knowledge.KnownError;
import dk.supportflow.notification.OutboxMail;
import dk.supportflow.notification.OutboxMailRepository;
import dk.supportflow.process.DriftssideProcess;
import dk.supportflow.process.SupportCaseProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The review half of driftssideWatch and what follows from it: messages registered through the
 * API, known errors matched against open cases (message event, notice, links, cases waiting on
 * MinSupport) and new cases at intake, release notes that tell the linked reporters once, noise,
 * and passing a message on by mail.
 */
@SupportflowTest
class DriftssideReviewTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    SupportCaseService cases;
    @Autowired
    CaseScenario scenario;
    @Autowired
    DriftssideMessages messages;
    @Autowired
    KnownErrorLinks links;
    @Autowired
    KnowledgeEntries knowledge;
    @Autowired
    OutboxMailRepository outbox;
    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void init() {
        AbstractAssertions.init(processEngine);
        api = new Api(rest);
    }

    /** A made-up word, so that the test's known errors match only the test's own cases. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }

    /** Opens the case and lets its analysis be prepared (the search's suggestions on analyseError). */
    private SupportCaseService.OpenedCase openCase(String reporter, String title, String actual, String component) {
        var opened = cases.openCase(new CaseReport(title, "Boligstøtte til en pensionist", "Åbnede sagen og godkendte",
                "At opgaven blev afsluttet", actual, null, null, component, null, null, null, false, null, null, null, null, null, null), reporter);
        scenario.prepareAnalysis(opened.processInstanceId());
        return opened;
    }

    @SuppressWarnings("unchecked")
    private long register(String title, String summary, String link) {
        ResponseEntity<Map> created = api.post("drift1", "/api/driftsside/messages", json(Map.of("title", title,
                "summary", summary, "link", link)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private static String json(Map<String, Object> fields) {
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof String s
                ? "\"" + s.replace("\"", "\\\"") + "\"" : String.valueOf(e.getValue()))).collect(Collectors.joining(", ", "{", "}"));
    }

    private String reviewInstance(long messageId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(DriftssideProcess.businessKey(messageId))
                .singleResult().getId();
    }

    /** drift1 completes the review; the process then applies it (and mails, when the message is passed on). */
    private void review(long messageId, Map<String, Object> decision) {
        String pi = reviewInstance(messageId);
        scenario.complete(pi, DriftssideProcess.Tasks.REVIEW, "drift1", decision);
        scenario.executeJob(pi, Elements.TASK_APPLY_REVIEW);
        if (Boolean.TRUE.equals(decision.get(Vars.SHARE_WITH_CASEWORKERS)) || Boolean.TRUE.equals(decision.get(Vars.SHARE_WITH_SUPPORT))) {
            scenario.executeJob(pi, Elements.TASK_MAIL_MESSAGE);
        }
        BpmnAwareTests.assertThat(new EndedInstance(pi)).isEnded().hasPassed(Elements.END_REVIEWED);
    }

    private Map<String, Object> knownErrorDecision(String symptom, String component, String workaround) {
        Map<String, Object> decision = new HashMap<>();
        decision.put(Vars.REVIEW_OUTCOME, "knownError");
        decision.put(Vars.KNOWN_ERROR_SYMPTOM, symptom);
        decision.put(Vars.KNOWN_ERROR_COMPONENT, component);
        decision.put(Vars.KNOWN_ERROR_WORKAROUND, workaround);
        return decision;
    }

    private Job knownErrorJob(String pi) {
        return managementService.createJobQuery().processInstanceId(pi)
                .activityId(SupportCaseProcess.Elements.TASK_REGISTER_KNOWN_ERROR).singleResult();
    }

    private List<OutboxMail> queued(String key, String subjectPart) {
        return outbox.findByCaseNumberOrderByIdAsc(key).stream().filter(m -> m.getSubject().contains(subjectPart)).toList();
    }

    /** The recipients of the mails whose subject starts so, once the expected number has arrived (sending runs after commit too). */
    private List<String> delivered(String subjectStart, int expected) throws Exception {
        scenario.dispatchMails();
        return dk.supportflow.ReceivedMails.await(smtp, m -> subject(m).startsWith(subjectStart), expected).stream()
                .map(m -> recipient(m)).sorted().toList();
    }


    @Test
    @SuppressWarnings("unchecked")
    void messagesRegisteredThroughTheApiAreReviewedAndListed() {
        String link = "https://driftsside.example/kp/" + word();
        ResponseEntity<Map> created = api.post("drift1", "/api/driftsside/messages", json(Map.of("title",
                "Planlagt vedligehold søndag", "summary", "KP er lukket søndag for borger 010190-1234.", "link", link,
                "kind", "driftsbesked")));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> body = created.getBody();
        long id = ((Number) body.get("id")).longValue();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/driftsside/messages/" + id);
        assertThat(body).containsEntry("kind", "driftsbesked").containsEntry("kindName", "Driftsbesked")
                .containsEntry("state", "awaitingReview").containsEntry("stateName", "Afventer vurdering")
                .containsEntry("source", "manual").containsEntry("registeredBy", "drift1")
                .containsEntry("summary", "KP er lukket søndag for borger 010190-xxxx.");
        var task = taskService.createTaskQuery().processInstanceBusinessKey(DriftssideProcess.businessKey(id))
                .taskCandidateGroup("driftsansvarlige").singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(DriftssideProcess.Tasks.REVIEW);

        assertThat(api.post("drift1", "/api/driftsside/messages", json(Map.of("title", "Igen", "link", link)))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map> unknownField = api.post("drift1", "/api/driftsside/messages", "{\"title\": \"x\", \"severity\": 1}");
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) unknownField.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("severity");
        assertThat(api.post("drift1", "/api/driftsside/messages", "{\"title\": \"x\", \"kind\": \"alarm\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.post("drift1", "/api/driftsside/messages", "{\"summary\": \"uden titel\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.post("drift1", "/api/driftsside/messages", "{\"title\": \"x\", \"link\": \"javascript:alert(1)\"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (String outsider : List.of("sagsbehandler1", "superbruger1")) {
            assertThat(api.post(outsider, "/api/driftsside/messages", "{\"title\": \"x\"}").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.getText(outsider, "/api/driftsside/messages").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }

        for (String reader : List.of("drift1", "support1", "admin")) {
            ResponseEntity<List> listed = api.getList(reader, "/api/driftsside/messages?state=awaitingReview");
            assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat((List<Map<String, Object>>) listed.getBody()).anyMatch(m -> ((Number) m.get("id")).longValue() == id);
        }
        assertThat(api.getText("drift1", "/api/driftsside/messages?state=whatever").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("drift1", "/api/driftsside/feed").getBody()).containsEntry("configured", false)
                .containsEntry("interval", "PT15M").containsEntry("failureThreshold", 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKnownErrorReachesMatchingOpenCasesCasesWaitingOnMinSupportAndNewCases() throws Exception {
        // made-up words only, so that the known error matches no other test's open case
        String component = word() + " " + word();
        String w1 = word();
        String w2 = word();
        String symptom = w1 + " " + w2 + " " + word();
        var matching = openCase("superbruger1", "Opgaven " + w1 + " bliver stående", "Der står " + w2 + " i feltet", component);
        var otherComponent = openCase("superbruger1", "Opgaven " + w1 + " bliver stående", "Der står " + w2 + " i feltet",
                word());
        var otherWords = openCase("superbruger1", "Brevet " + word() + " dannes ikke", "Intet brev", component);
        String minSupportNumber = "MS-" + (100000 + new java.util.Random().nextInt(800000));
        var waiting = openCase("superbruger2", "Udbetaling " + word() + " blokeret", "Ingen udbetaling", "Udbetaling");
        scenario.escalate(waiting.processInstanceId(), minSupportNumber, "lav", "fejlsag", false);

        long id = register("Kendt fejl: " + symptom, "Leverandøren følger fejlen i MinSupport-sag " + minSupportNumber + ".",
                "https://driftsside.example/kp/kendte-fejl/" + word());
        review(id, knownErrorDecision(symptom, component, "Gå et trin tilbage i Gennemførte trin og godkend igen."));

        DriftssideMessage message = messages.get(id);
        assertThat(message.getState()).isEqualTo(MessageState.KNOWN_ERROR);
        assertThat(message.getKind()).isEqualTo(MessageKind.KENDT_FEJL);
        assertThat(message.getReviewedBy()).isEqualTo("drift1");
        KnownError knownError = knowledge.knownErrors(false).stream().filter(k -> k.getId().equals(message.getKnownErrorId()))
                .findFirst().orElseThrow();
        assertThat(knownError.getSymptom()).isEqualTo(symptom);
        assertThat(knownError.getSourceLink()).isEqualTo(message.getLink());

        assertThat(links.linksTo(knownError.getId())).extracting(KnownErrorCase::getCaseNumber, KnownErrorCase::getMinSupportCaseNumber)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(matching.caseNumber(), null),
                        org.assertj.core.groups.Tuple.tuple(waiting.caseNumber(), minSupportNumber));
        assertThat(knownErrorJob(otherComponent.processInstanceId())).isNull();
        assertThat(knownErrorJob(otherWords.processInstanceId())).isNull();

        // the matching case: a message event that records the known error and shows it on the form
        scenario.executeJob(matching.processInstanceId(), SupportCaseProcess.Elements.TASK_REGISTER_KNOWN_ERROR);
        BpmnAwareTests.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(matching.processInstanceId())
                .singleResult()).isWaitingAt(SupportCaseProcess.Tasks.ANALYSE_ERROR)
                .hasPassed(SupportCaseProcess.Elements.START_KNOWN_ERROR_REPORTED);
        assertThat((String) runtimeService.getVariable(matching.processInstanceId(), SupportCaseProcess.Vars.KNOWN_ERROR_NOTICE))
                .contains(symptom).contains("Midlertidig løsning: Gå et trin tilbage").contains(message.getLink());
        assertThat(cases.view(matching.caseNumber(), "support1", true).information())
                .anyMatch(i -> i.source().equals("Driftssiden (kendt fejl)") && i.text().contains(symptom));
        assertThat(queued(matching.caseNumber(), "Ny information på sagen")).isNotEmpty();
        // the waiting case is linked and told too, and keeps waiting on MinSupport
        scenario.executeJob(waiting.processInstanceId(), SupportCaseProcess.Elements.TASK_REGISTER_KNOWN_ERROR);
        BpmnAwareTests.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waiting.processInstanceId())
                .singleResult()).isWaitingAt(SupportCaseProcess.Elements.TIMER_FOLLOW_UP_DUE);

        Map<String, Object> listed = api.get("support1", "/api/driftsside/messages/" + id).getBody();
        assertThat(listed).containsEntry("state", "knownError").containsEntry("kind", "kendtFejl");
        assertThat((List<Map<String, Object>>) listed.get("linkedCases"))
                .anyMatch(c -> c.get("caseNumber").equals(waiting.caseNumber()) && minSupportNumber.equals(c.get("minSupportCaseNumber")))
                .anyMatch(c -> c.get("caseNumber").equals(matching.caseNumber()) && "review".equals(c.get("matchedAt")));
        ResponseEntity<List> onTheCase = api.getList("superbruger1", "/api/cases/" + matching.caseNumber() + "/known-errors");
        assertThat((List<Map<String, Object>>) onTheCase.getBody()).singleElement()
                .satisfies(k -> assertThat(k).containsEntry("symptom", symptom).containsEntry("fixed", false));
        assertThat(api.getText("superbruger2", "/api/cases/" + matching.caseNumber() + "/known-errors").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // a new case at intake: linked at once, the notice and the search's suggestion on its analysis form
        var later = openCase("superbruger2", "Opgaven " + w1 + " hænger", "Feltet " + w2 + " er tomt", component);
        assertThat(links.linksOf(later.caseNumber())).singleElement()
                .satisfies(l -> assertThat(l.getMatchedAt()).isEqualTo(KnownErrorCase.MatchedAt.intake));
        assertThat((String) runtimeService.getVariable(later.processInstanceId(), SupportCaseProcess.Vars.KNOWN_ERROR_NOTICE))
                .contains(symptom);
        assertThat((String) scenario.formShows(later.processInstanceId(), SupportCaseProcess.Tasks.ANALYSE_ERROR,
                SupportCaseProcess.Vars.KNOWN_ERROR_SUGGESTIONS))
                .contains(symptom);
        assertThat(knownErrorJob(later.processInstanceId())).as("no message needed at intake").isNull();
    }

    @Test
    void aReleaseNoteThatFixesAKnownErrorTellsEveryLinkedReporterOnce() throws Exception {
        String component = word() + " " + word();
        String w1 = word();
        String w2 = word();
        String symptom = w1 + " " + w2 + " " + word();
        var first = openCase("superbruger1", "Beregningen " + w1 + " stopper", "Fejl i " + w2, component);
        var second = openCase("superbruger2", "Beregningen " + w1 + " stopper igen", "Også " + w2, component);
        long knownErrorMessage = register("Kendt fejl: " + symptom, "Vi arbejder på det.",
                "https://driftsside.example/kp/kendte-fejl/" + word());
        review(knownErrorMessage, knownErrorDecision(symptom, component, "Beregn manuelt."));
        long knownErrorId = messages.get(knownErrorMessage).getKnownErrorId();
        for (var opened : List.of(first, second)) {
            scenario.executeJob(opened.processInstanceId(), SupportCaseProcess.Elements.TASK_REGISTER_KNOWN_ERROR);
        }

        long release = register("Release 26.5: " + w1 + " rettet", w1 + " " + w2 + " virker igen.",
                "https://driftsside.example/kp/release/" + word());
        String releaseInstance = reviewInstance(release);
        String releaseTask = scenario.task(releaseInstance, DriftssideProcess.Tasks.REVIEW).getId();
        assertThat((String) taskService.getVariable(releaseTask, Vars.OPEN_KNOWN_ERRORS))
                .as("the known error that looks like the release comes first").startsWith(knownErrorId + ": " + symptom);
        assertThatThrownBy(() -> scenario.complete(releaseInstance, DriftssideProcess.Tasks.REVIEW, "drift1",
                Map.of(Vars.REVIEW_OUTCOME, "releaseNote", Vars.FIXED_KNOWN_ERRORS, "999999999")))
                .hasMessageContaining("Den kendte fejl 999999999 findes ikke eller er allerede rettet.");
        review(release, Map.of(Vars.REVIEW_OUTCOME, "releaseNote", Vars.FIXED_KNOWN_ERRORS, String.valueOf(knownErrorId)));

        assertThat(messages.get(release).getState()).isEqualTo(MessageState.RELEASE_NOTE);
        assertThat(messages.get(release).getFixedKnownErrorIds()).containsExactly(knownErrorId);
        assertThat(knowledge.knownErrors(false)).noneMatch(k -> k.getId() == knownErrorId);
        for (var opened : List.of(first, second)) {
            assertThat(queued(opened.caseNumber(), "Fejlen er rettet")).singleElement()
                    .satisfies(mail -> assertThat(mail.getBody()).contains(symptom).contains("Release 26.5"));
            assertThat((String) runtimeService.getVariable(opened.processInstanceId(), SupportCaseProcess.Vars.KNOWN_ERROR_NOTICE))
                    .contains("Rettet ifølge driftssiden: Release 26.5");
        }
        assertThat(links.linksTo(knownErrorId)).allMatch(l -> l.getReporterNotifiedAt() != null);
        assertThat(delivered("[" + first.caseNumber() + "] Fejlen er rettet", 1)).containsExactly("superbruger1@kommune.example");
        assertThat(delivered("[" + second.caseNumber() + "] Fejlen er rettet", 1)).containsExactly("superbruger2@kommune.example");

        // told once: the same fix again mails nobody, and a second release note cannot name a fixed error
        assertThat(links.reportFixed(knownErrorId, messages.get(release))).isZero();
        long again = register("Release 26.6", "Flere rettelser.", "https://driftsside.example/kp/release/" + word());
        assertThatThrownBy(() -> scenario.complete(reviewInstance(again), DriftssideProcess.Tasks.REVIEW, "drift1",
                Map.of(Vars.REVIEW_OUTCOME, "releaseNote", Vars.FIXED_KNOWN_ERRORS, String.valueOf(knownErrorId))))
                .hasMessageContaining("allerede rettet");
        for (var opened : List.of(first, second)) {
            assertThat(queued(opened.caseNumber(), "Fejlen er rettet")).hasSize(1);
        }
    }

    @Test
    void noiseIsNotPassedOnAndOtherMessagesGoToTheChosenGroups() throws Exception {
        long noise = register("Ny farve på knapperne " + word(), "Kun kosmetik.", "https://driftsside.example/kp/" + word());
        assertThatThrownBy(() -> scenario.complete(reviewInstance(noise), DriftssideProcess.Tasks.REVIEW, "drift1",
                Map.of(Vars.REVIEW_OUTCOME, "noise", Vars.SHARE_WITH_CASEWORKERS, true)))
                .hasMessageContaining("Støj gives ikke videre");
        assertThatThrownBy(() -> scenario.complete(reviewInstance(noise), DriftssideProcess.Tasks.REVIEW, "drift1",
                Map.of(Vars.REVIEW_OUTCOME, "knownError"))).hasMessageContaining("Angiv, hvor i KP fejlen er");
        String noiseInstance = reviewInstance(noise);
        review(noise, Map.of(Vars.REVIEW_OUTCOME, "noise"));
        BpmnAwareTests.assertThat(new EndedInstance(noiseInstance)).hasNotPassed(Elements.TASK_MAIL_MESSAGE);
        assertThat(messages.get(noise).getState()).isEqualTo(MessageState.NOISE);
        assertThat(outbox.findByCaseNumberOrderByIdAsc(DriftssideProcess.businessKey(noise))).isEmpty();

        long both = register("KP lukket lørdag " + word(), "Opdatering af KP lørdag kl. 8-12.", "https://driftsside.example/kp/" + word());
        review(both, Map.of(Vars.REVIEW_OUTCOME, "information", Vars.SHARE_WITH_CASEWORKERS, true, Vars.SHARE_WITH_SUPPORT, true,
                Vars.SHARE_MESSAGE, "Planlæg jeres arbejde efter det."));
        String key = DriftssideProcess.businessKey(both);
        assertThat(outbox.findByCaseNumberOrderByIdAsc(key)).extracting(OutboxMail::getRecipient).containsExactlyInAnyOrder(
                "sagsbehandler1@kommune.example", "sagsbehandler2@kommune.example", "support1@kommune.example",
                "support2@kommune.example");
        assertThat(outbox.findByCaseNumberOrderByIdAsc(key)).allSatisfy(mail -> {
            assertThat(mail.getSubject()).startsWith("[" + key + "] Fra driftssiden: KP lukket lørdag");
            assertThat(mail.getBody()).startsWith("Hej alle\n\nPlanlæg jeres arbejde efter det.").contains("Nyhed fra driftssiden")
                    .contains("Læs mere på driftssiden: https://driftsside.example/kp/");
        });
        assertThat(delivered("[" + key + "]", 4)).hasSize(4);

        long caseworkersOnly = register("Ny vejledning " + word(), "Om helbredstillæg.", "https://driftsside.example/kp/" + word());
        review(caseworkersOnly, Map.of(Vars.REVIEW_OUTCOME, "information", Vars.SHARE_WITH_CASEWORKERS, true));
        assertThat(outbox.findByCaseNumberOrderByIdAsc(DriftssideProcess.businessKey(caseworkersOnly)))
                .extracting(OutboxMail::getRecipient)
                .containsExactlyInAnyOrder("sagsbehandler1@kommune.example", "sagsbehandler2@kommune.example");
        assertThat(messages.get(caseworkersOnly).isSharedWithCaseworkers()).isTrue();
        assertThat(messages.get(caseworkersOnly).isSharedWithSupport()).isFalse();
    }
}
