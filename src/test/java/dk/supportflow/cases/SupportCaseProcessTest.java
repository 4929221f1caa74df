package dk.supportflow.cases;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.ReceivedMails.recipient;
import static dk.supportflow.ReceivedMails.subject;
import static dk.supportflow.ReceivedMails.subjectStartsWith;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.CaseScenario;
import dk.supportflow.ReceivedMails;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.knowledge.SolvedCaseRepository;
import dk.supportflow.process.SupportCaseProcess;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of supportCase on the real engine, with real delegates, database and SMTP server. */
@SupportflowTest
class SupportCaseProcessTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    SolvedCaseRepository solvedCases;
    @Autowired
    dk.supportflow.minsupport.MinSupportAnswers minSupportAnswers;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(processEngine);
    }

    /**
     * Now plus whole calendar days as the engine counts them (in the JVM's time zone): 23 or 25
     * hours for a day across a daylight saving change.
     */
    private static Instant daysAhead(int days) {
        return ZonedDateTime.now(ZoneId.systemDefault()).plusDays(days).toInstant();
    }

    private ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    @Test
    void solvedLocallyMailsTheAnswerSharesItAndStoresTheSolvedCase() throws Exception {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        ProcessInstance pi = instance(opened.processInstanceId());
        BpmnAwareTests.assertThat(pi).isWaitingAt(Tasks.ANALYSE_ERROR);
        assertThat(runtimeService.getVariable(pi.getId(), Vars.CASE_NUMBER)).isEqualTo(opened.caseNumber());
        assertThat(pi.getBusinessKey()).isEqualTo(opened.caseNumber()).matches("SUP-\\d{4}-\\d{6}");

        scenario.complete(pi.getId(), Tasks.ANALYSE_ERROR, "support1",
                analysis("solvedLocally", "userError", "Vælg ydelsen 'Helbredstillæg' i stedet; det er den nye måde efter release 24.3."));
        BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.TASK_MAIL_ANSWER);
        scenario.executeJob(pi.getId(), Elements.TASK_MAIL_ANSWER);
        BpmnAwareTests.assertThat(pi).isWaitingAt(Tasks.PLAN_KNOWLEDGE_SHARING);

        scenario.complete(pi.getId(), Tasks.PLAN_KNOWLEDGE_SHARING, "support1",
                Map.of(Vars.SHARE_WITH_CASEWORKERS, true, Vars.SHARE_MESSAGE, "Flere har mødt denne fejl efter release 24.3."));
        scenario.executeJob(pi.getId(), Elements.TASK_MAIL_CASEWORKERS);
        scenario.closeCase(pi.getId());
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(Tasks.ANALYSE_ERROR, Elements.TASK_MAIL_ANSWER,
                Tasks.PLAN_KNOWLEDGE_SHARING, Elements.TASK_MAIL_CASEWORKERS, Elements.TASK_CLOSE_CASE,
                Elements.TASK_REGISTER_ERROR_PATTERN, Elements.END_EVENT_CASE_CLOSED);

        MimeMessage[] mails = mailsAbout(opened.caseNumber(), 4);
        MimeMessage receipt = single(mails, "superbruger1@kommune.example", "Vi har modtaget din fejlindberetning");
        assertThat(body(receipt)).contains(opened.caseNumber());
        MimeMessage answer = single(mails, "superbruger1@kommune.example", "Svar på din fejlindberetning");
        assertThat(answer.getSubject()).startsWith("[" + opened.caseNumber() + "] Svar på din fejlindberetning");
        assertThat(body(answer)).contains("Helbredstillæg");
        for (String caseworker : List.of("sagsbehandler1@kommune.example", "sagsbehandler2@kommune.example")) {
            MimeMessage shared = single(mails, caseworker, "Til alle sagsbehandlere");
            assertThat(shared.getSubject()).contains("Til alle sagsbehandlere");
            assertThat(body(shared)).contains("Flere har mødt denne fejl").contains("Helbredstillæg");
        }
        assertNoCprIn(mails);

        var solved = solvedCases.findByCaseNumber(opened.caseNumber()).orElseThrow();
        assertThat(solved.getErrorClass()).isEqualTo("userError");
        assertThat(solved.getOutcome()).isEqualTo("solvedLocally");
        assertThat(solved.getComponent()).isEqualTo("Beregn tillæg");
        assertThat(cases.find(opened.caseNumber()).orElseThrow().isClosed()).isTrue();
    }

    @Test
    void needMoreInfoAsksTheReporterAndReturnsToAnalysis() throws Exception {
        var opened = scenario.open("Adresse fra CPR vises ikke i brevet \"Afgørelse om boligstøtte\"");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("needMoreInfo", "processError", "Hvilken brevskabelon brugte du, og hvornår blev brevet dannet?"));
        scenario.executeJob(pi, Elements.TASK_MAIL_QUESTION);

        var task = scenario.task(pi, Tasks.PROVIDE_MORE_INFO);
        assertThat(task.getAssignee()).isEqualTo("superbruger1");
        MimeMessage question = single(mailsAbout(opened.caseNumber(), 2), "superbruger1@kommune.example", "Spørgsmål");
        assertThat(question.getSubject()).startsWith("[" + opened.caseNumber() + "] Spørgsmål til din fejlindberetning");
        assertThat(body(question)).contains("Hvilken brevskabelon");

        scenario.complete(pi, Tasks.PROVIDE_MORE_INFO, "superbruger1",
                Map.of(Vars.ADDITIONAL_INFO, "Skabelonen 'Afgørelse om boligstøtte', dannet i går kl. 14."));
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.ANALYSE_ERROR);
        assertThat(runtimeService.getVariable(pi, Vars.ADDITIONAL_INFO)).asString().contains("dannet i går");
    }

    @Test
    void waitAndRetryWaitsTheConfiguredTimeThenEscalates() {
        var opened = scenario.open("Integration til eIndkomst svarer ikke ved hentning af indkomst");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", analysis("waitAndRetry", "integrationError", null));

        Job timer = managementService.createJobQuery().processInstanceId(pi).timers().singleResult();
        assertThat(timer).isNotNull();
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()).toMinutes())
                .isCloseTo(120, within(2L));
        scenario.executeJob(pi, Elements.TIMER_WAIT_INTEGRATION);
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.RETRY_INTEGRATION);

        scenario.complete(pi, Tasks.RETRY_INTEGRATION, "support2", Map.of(Vars.OUTCOME, "escalate"));
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.PREPARE_MINSUPPORT_REPORT);
        assertThat(cases.view(opened.caseNumber(), "support2", true).stage()).isEqualTo("minSupport");
    }

    @Test
    void escalationFollowsUpTwiceAndTakesTheAnswerFromTheFollowUpTask() throws Exception {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        escalate(pi, "MS-100200", "hoej");

        for (int followUp = 1; followUp <= 2; followUp++) {
            Job timer = managementService.createJobQuery().processInstanceId(pi).timers().singleResult();
            assertThat(timer.getDuedate().toInstant()).isCloseTo(daysAhead(1), within(2, ChronoUnit.MINUTES));
            scenario.executeJob(pi, Elements.TIMER_FOLLOW_UP_DUE);
            scenario.executeJob(pi, Elements.TASK_MAIL_FOLLOW_UP_REMINDER);
            assertThat(runtimeService.getVariable(pi, Vars.FOLLOW_UP_COUNT)).isEqualTo(followUp);
            if (followUp == 1) {
                scenario.complete(pi, Tasks.FOLLOW_UP_MINSUPPORT, "support1", Map.of(Vars.MINSUPPORT_ANSWERED, false));
                BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
            }
        }
        MimeMessage[] reminders = Arrays.stream(mailsAbout(opened.caseNumber(), 5))
                .filter(m -> subject(m).contains("Følg op")).toArray(MimeMessage[]::new);
        assertThat(Arrays.stream(reminders).map(ReceivedMails::recipient))
                .containsExactlyInAnyOrder("support1@kommune.example", "support2@kommune.example",
                        "support1@kommune.example", "support2@kommune.example");
        assertThat(reminders[0].getSubject()).isEqualTo("[" + opened.caseNumber() + "] Følg op på MinSupport-sag MS-100200");

        scenario.complete(pi, Tasks.FOLLOW_UP_MINSUPPORT, "support1",
                Map.of(Vars.MINSUPPORT_ANSWERED, true, Vars.MINSUPPORT_ANSWER, "Fejlen er rettet i version 24.4."));
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.FORWARD_ANSWER);
        finishAfterForward(pi, "Fejlen er rettet i version 24.4, som kommer på fredag.");
        assertThat(solvedCases.findByCaseNumber(opened.caseNumber()).orElseThrow().getMinSupportCaseNumber())
                .isEqualTo("MS-100200");
    }

    @Test
    void answerByMessageReachesEveryCaseWaitingOnTheMinSupportCase() {
        var first = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        var second = scenario.open("Beregn tillæg-opgaven bliver hængende efter godkendelse");
        escalate(first.processInstanceId(), "MS-555", "medium");
        escalate(second.processInstanceId(), "MS-555", "medium");
        // one of them is at its follow-up task when the answer arrives: it is interrupted too
        scenario.executeJob(second.processInstanceId(), Elements.TIMER_FOLLOW_UP_DUE);
        scenario.executeJob(second.processInstanceId(), Elements.TASK_MAIL_FOLLOW_UP_REMINDER);

        List<String> reached = minSupportAnswers.receive("MS-555", "Rettet i 24.4", null);
        assertThat(reached).containsExactlyInAnyOrder(first.caseNumber(), second.caseNumber());
        for (String pi : List.of(first.processInstanceId(), second.processInstanceId())) {
            BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.FORWARD_ANSWER)
                    .hasPassed(Elements.BOUNDARY_MINSUPPORT_ANSWER);
            assertThat(runtimeService.getVariable(pi, Vars.MINSUPPORT_ANSWER)).isEqualTo("Rettet i 24.4");
        }
        BpmnAwareTests.assertThat(instance(second.processInstanceId())).hasPassed(Tasks.FOLLOW_UP_MINSUPPORT);
    }

    @Test
    void answerMessageFromTheEngineRestApiShapeCorrelatesByMinSupportNumber() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        escalate(opened.processInstanceId(), "MS-777", "lav");
        runtimeService.createMessageCorrelation(SupportCaseProcess.Messages.MINSUPPORT_ANSWER_RECEIVED)
                .processInstanceVariableEquals(Vars.MINSUPPORT_CASE_NUMBER, "MS-777")
                .setVariable(Vars.MINSUPPORT_ANSWER, "Brug den nye procedure")
                .correlate();
        BpmnAwareTests.assertThat(instance(opened.processInstanceId())).isWaitingAt(Tasks.FORWARD_ANSWER);
    }

    @Test
    void newInformationIsKeptShownOnTheTaskAndMailedToTheHandlerWithoutInterrupting() throws Exception {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        var task = scenario.task(pi, Tasks.ANALYSE_ERROR);
        processEngine.getTaskService().claim(task.getId(), "support2");

        cases.addInformation(opened.caseNumber(), "CPR", "Borgeren (" + CaseScenario.CPR + ") er flyttet", "superbruger1", false);
        scenario.executeJob(pi, Elements.TASK_REGISTER_CASE_INFORMATION);

        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.ANALYSE_ERROR);
        assertThat(scenario.task(pi, Tasks.ANALYSE_ERROR).getId()).isEqualTo(task.getId());
        assertThat((String) runtimeService.getVariable(pi, Vars.CASE_INFORMATION))
                .contains("CPR: Borgeren (150372-xxxx) er flyttet");
        assertThat(cases.view(opened.caseNumber(), "support2", true).information()).hasSize(1);

        MimeMessage[] mails = mailsAbout(opened.caseNumber(), 2);
        MimeMessage mail = single(mails, "support2@kommune.example", "Ny information");
        assertThat(mail.getSubject()).startsWith("[" + opened.caseNumber() + "] Ny information på sagen");
        assertNoCprIn(mails);
    }

    @Test
    void analysisCannotBeCompletedWithoutTheAnswerAndTheTaskStaysOpen() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        assertThatThrownBy(() -> scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("solvedLocally", "userError", null)))
                .hasMessageContaining("Skriv svaret til indberetteren");
        assertThatThrownBy(() -> scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                Map.of(Vars.OUTCOME, "guess", Vars.ERROR_CLASS, "userError")))
                .hasMessageContaining("'guess' er ikke et gyldigt valg");
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.ANALYSE_ERROR);
        assertThat(runtimeService.getVariable(pi, Vars.OUTCOME)).isNull();
    }

    @Test
    void escalationSuggestsACriticalityAndAHigherChoiceNeedsAJustification() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        Map<String, Object> analysis = new HashMap<>(analysis("escalate", "processError", null));
        analysis.put(Vars.WORKAROUND_AVAILABLE, true);
        analysis.put(Vars.WORK_BLOCKED, true);
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", analysis);
        BpmnAwareTests.assertThat(instance(pi)).hasPassed(Elements.TASK_SUGGEST_CRITICALITY).isWaitingAt(Tasks.PREPARE_MINSUPPORT_REPORT);
        assertThat(runtimeService.getVariable(pi, Vars.SUGGESTED_CRITICALITY)).isEqualTo("medium");
        assertThat(runtimeService.getVariable(pi, Vars.CENTRAL_FUNCTION_HIT)).isEqualTo(false);

        Map<String, Object> report = new HashMap<>(Map.of(Vars.MINSUPPORT_CASE_NUMBER, "MS-9", Vars.TICKET_TYPE, "fejlsag",
                Vars.TICKET_TITLE, "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse", Vars.CRITICALITY, "kritisk"));
        assertThatThrownBy(() -> scenario.reportToMinSupport(pi, "support1", report))
                .hasMessageContaining("Du har valgt kritikaliteten Kritisk, højere end den foreslåede (Medium)");
        report.put(Vars.CRITICALITY, "medium");
        scenario.reportToMinSupport(pi, "support1", report);
        assertThat(runtimeService.getVariable(pi, Vars.CRITICALITY)).isEqualTo("medium");
    }

    @Test
    void aChangeRequestIsFollowedUpMonthlyAndEndsWithMinSupportsDecision() throws Exception {
        var opened = scenario.open("Sagsoversigten i KP bør vise disponibel dato for udbetalinger");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", analysis("escalate", "userError", null));
        scenario.reportToMinSupport(pi, "support1", Map.of(Vars.MINSUPPORT_CASE_NUMBER, "MS-AE-1",
                Vars.TICKET_TYPE, "aendringsoenske", Vars.CRITICALITY, "lav",
                Vars.TICKET_TITLE, "Sagsoversigten i KP bør vise disponibel dato for udbetalinger"));
        Job timer = managementService.createJobQuery().processInstanceId(pi).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isCloseTo(daysAhead(30), within(2, ChronoUnit.MINUTES));

        minSupportAnswers.receive("MS-AE-1", "Ønsket kommer med i release 25.2.", "planned");
        assertThatThrownBy(() -> scenario.complete(pi, Tasks.FORWARD_ANSWER, "support1",
                Map.of(Vars.ANSWER, "Dit ønske kommer med i release 25.2.", Vars.CHANGE_REQUEST_OUTCOME, "maybe")))
                .hasMessageContaining("'maybe' er ikke et gyldigt valg");
        scenario.complete(pi, Tasks.FORWARD_ANSWER, "support1", Map.of(Vars.ANSWER, "Dit ønske kommer med i release 25.2."));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        MimeMessage answer = single(mailsAbout(opened.caseNumber(), 2), "superbruger1@kommune.example", "Svar på din");
        assertThat(body(answer)).contains("MinSupports afgørelse af ændringsønsket: Planlagt").contains("release 25.2");
    }

    @Test
    void theReportIsPreparedAndCheckedBeforeTheTicketExistsThenOnlyTheNumberIsAsked() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", analysis("escalate", "processError", null));
        String prepare = scenario.task(pi, Tasks.PREPARE_MINSUPPORT_REPORT).getId();
        taskService.claim(prepare, "support1");
        Map<String, Object> ticket = new HashMap<>(Map.of(Vars.TICKET_TYPE, "fejlsag", Vars.CRITICALITY, "lav",
                Vars.TICKET_TITLE, "Fejloprettet sag om tillæg skal slettes i KP"));
        // a fejlsag needs the third part of the description
        assertThatThrownBy(() -> taskService.complete(prepare, ticket))
                .hasMessageContaining("Skriv, om fejlen opleves på andre sager");
        // a supportsag its support type, but not the other cases
        ticket.put(Vars.TICKET_TYPE, "supportsag");
        assertThatThrownBy(() -> taskService.complete(prepare, ticket))
                .hasMessageContaining("Skriv supporttypen")
                .hasMessageNotContaining("andre sager");
        ticket.put(Vars.SUPPORT_TYPE, "Sletning af fejloprettet sag");
        ticket.put(Vars.OTHER_CASES_AFFECTED, "Kun denne sag.");
        taskService.complete(prepare, ticket);

        // the draft is ready to copy; only the MinSupport number is asked, kept as it is matched
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.REPORT_TO_MINSUPPORT);
        scenario.task(pi, Tasks.REPORT_TO_MINSUPPORT);
        assertThat((String) scenario.formShows(pi, Tasks.REPORT_TO_MINSUPPORT, Vars.MINSUPPORT_DRAFT))
                .contains("Sagstype: Supportsag\n").contains("Supporttype: Sletning af fejloprettet sag\n")
                .contains("3. Opleves fejlen på andre sager?\nKun denne sag.");
        String report = scenario.task(pi, Tasks.REPORT_TO_MINSUPPORT).getId();
        taskService.claim(report, "support1");
        assertThatThrownBy(() -> taskService.complete(report, Map.of(Vars.MINSUPPORT_CASE_NUMBER, "MS 47/11")))
                .hasMessageContaining("må kun have bogstaver, tal og bindestreger");
        taskService.complete(report, Map.of(Vars.MINSUPPORT_CASE_NUMBER, " ms-4711 "));
        assertThat(runtimeService.getVariable(pi, Vars.MINSUPPORT_CASE_NUMBER)).isEqualTo("MS-4711");
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);

        // MinSupport's answer finds the case however the number is written
        assertThat(minSupportAnswers.receive("Ms-4711 ", "Sagen er slettet.", null)).containsExactly(opened.caseNumber());
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Tasks.FORWARD_ANSWER);
    }

    @Test
    void criticalityChangedAtAFollowUpIsKeptOnTheCaseAndSetsTheNextTimer() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        escalate(pi, "MS-100300", "medium");
        scenario.executeJob(pi, Elements.TIMER_FOLLOW_UP_DUE);
        scenario.executeJob(pi, Elements.TASK_MAIL_FOLLOW_UP_REMINDER);

        // a change needs a new level and a reason; the task stays open
        String task = scenario.task(pi, Tasks.FOLLOW_UP_MINSUPPORT).getId();
        taskService.claim(task, "support1");
        assertThatThrownBy(() -> taskService.complete(task, Map.of(Vars.MINSUPPORT_ANSWERED, false,
                Vars.CHANGE_CRITICALITY, true, Vars.NEW_CRITICALITY, "medium")))
                .hasMessageContaining("Den nye kritikalitet er den samme som den nuværende (Medium).")
                .hasMessageContaining("Skriv, hvorfor kritikaliteten ændres.");
        taskService.complete(task, Map.of(Vars.MINSUPPORT_ANSWERED, false, Vars.CHANGE_CRITICALITY, true,
                Vars.NEW_CRITICALITY, "kritisk", Vars.CRITICALITY_CHANGE_REASON, "Nu kan ingen udbetalinger godkendes."));
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Elements.TASK_CHANGE_CRITICALITY);

        Instant before = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        scenario.executeJob(pi, Elements.TASK_CHANGE_CRITICALITY);
        Instant after = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
        assertThat(runtimeService.getVariable(pi, Vars.CRITICALITY)).isEqualTo("kritisk");
        // the next follow-up waits as long as a Kritisk case does (PT4H), not Medium's P3D
        Instant due = managementService.createJobQuery().processInstanceId(pi).timers().singleResult().getDuedate().toInstant();
        assertThat(due).isBetween(before.plus(Duration.ofHours(4)).minusSeconds(1), after.plus(Duration.ofHours(4)).plusSeconds(1));
        assertThat((String) runtimeService.getVariable(pi, Vars.CASE_INFORMATION))
                .contains("Kritikaliteten i MinSupport er ændret fra Medium til Kritisk. Begrundelse: Nu kan ingen udbetalinger godkendes.");
        assertThat(runtimeService.getVariable(pi, Vars.CHANGE_CRITICALITY)).isEqualTo(false);
    }

    private void escalate(String pi, String minSupportNumber, String criticality) {
        scenario.escalate(pi, minSupportNumber, criticality, "fejlsag", false);
        BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
    }

    private void finishAfterForward(String pi, String finalAnswer) throws Exception {
        scenario.complete(pi, Tasks.FORWARD_ANSWER, "support1", Map.of(Vars.ANSWER, finalAnswer));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        scenario.complete(pi, Tasks.PLAN_KNOWLEDGE_SHARING, "support1", Map.of(Vars.SHARE_WITH_CASEWORKERS, false));
        scenario.closeCase(pi);
        assertThat(instance(pi)).as("process ended").isNull();
        String caseNumber = (String) processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(pi).singleResult().getBusinessKey();
        MimeMessage answer = single(mailsAbout(caseNumber, 6), "superbruger1@kommune.example", "Svar på din");
        assertThat(body(answer)).contains(finalAnswer);
    }

    /** The mails about one case, once at least {@code expected} of them have arrived. */
    private MimeMessage[] mailsAbout(String caseNumber, int expected) throws InterruptedException {
        scenario.dispatchMails();
        return ReceivedMails.await(smtp, subjectStartsWith("[" + caseNumber + "]"), expected).toArray(MimeMessage[]::new);
    }

    private MimeMessage single(MimeMessage[] mails, String recipient, String subjectPart) {
        List<MimeMessage> matching = Arrays.stream(mails)
                .filter(m -> recipient.equals(recipient(m)) && subject(m).contains(subjectPart)).toList();
        assertThat(matching).as("mails to %s about '%s'", recipient, subjectPart).hasSize(1);
        return matching.get(0);
    }

    static String body(MimeMessage mail) {
        return ReceivedMails.text(mail);
    }

    static void assertNoCprIn(MimeMessage[] mails) throws Exception {
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject() + body(mail)).doesNotContain(CaseScenario.CPR).doesNotContain("1503724711");
        }
    }
}
