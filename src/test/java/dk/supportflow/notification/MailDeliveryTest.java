package dk.supportflow.notification;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.ReceivedMails.recipient;
import static dk.supportflow.ReceivedMails.subject;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.platform.DatabaseClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail on 127.0.0.1, see TestSmtpServer) that goes
 * down, comes back, stays silent, or never comes back; on the real engine and database. Instead of waiting out the
 * backoff, the tests run the dispatcher with a clock moved ahead.
 */
@SupportflowTest
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    DatabaseClock databaseClock;
    @Autowired
    CaseScenario scenario;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    MailOutbox mailOutbox;
    @Autowired
    OutboxMailRepository outbox;
    @Autowired
    DeliveryPolicy policy;
    @Autowired
    Clock clock;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    /** How far ahead of real time the dispatcher's clock has been moved in this test. */
    private Duration ahead = Duration.ZERO;

    @BeforeEach
    void startWithAnEmptyOutbox() {
        // other test classes run without an SMTP server and leave their mails pending: they'd be sent here
        jdbc.update("delete from outbox_mail");
    }

    @Test
    void mailsWrittenWhileTheSmtpServerIsDownAreDeliveredExactlyOnceWhenItIsBack() {
        smtp.stop();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("needMoreInfo", "processError", "Hvilken ydelse drejer det sig om?"));
        scenario.executeJob(pi, Elements.TASK_MAIL_QUESTION);
        scenario.complete(pi, Tasks.PROVIDE_MORE_INFO, "superbruger1", Map.of(Vars.ADDITIONAL_INFO, "Helbredstillæg"));
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("solvedLocally", "userError", "Bevilg ydelsen som helbredstillæg."));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        scenario.complete(pi, Tasks.PLAN_KNOWLEDGE_SHARING, "support1",
                Map.of(Vars.SHARE_WITH_CASEWORKERS, true, Vars.SHARE_MESSAGE, "Flere har mødt fejlen efter release 24.3."));
        scenario.executeJob(pi, Elements.TASK_MAIL_CASEWORKERS);
        scenario.closeCase(pi);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

        // the server stays down for hours: every mail is tried, some more than once, and kept
        for (int round = 0; round < 20 && !everyMailTried(opened.caseNumber()); round++) {
            dispatchLater(Duration.ofHours(2));
        }
        dispatchLater(Duration.ofHours(2));
        List<OutboxMail> waiting = outbox.findByCaseNumberOrderByIdAsc(opened.caseNumber());
        // the receipt, the question, the answer and the two caseworkers' mails
        assertThat(waiting).hasSize(5).allSatisfy(mail -> {
            assertThat(mail.getStatus()).isEqualTo(OutboxMail.Status.PENDING);
            assertThat(mail.getAttempts()).isBetween(1, policy.maxAttempts() - 1);
            assertThat(mail.getLastError()).contains("ConnectException");
        });
        assertThat(waiting).noneMatch(mail -> runtimeService.createIncidentQuery()
                .incidentType(MailDeliveryIncidents.INCIDENT_TYPE).configuration(String.valueOf(mail.getId())).count() > 0);

        smtp.start();
        assertThat(deliveries(opened.caseNumber())).as("nothing arrived while the server was down").isEmpty();
        assertThat(dispatchLater(Duration.ofHours(2))).isEqualTo(5);
        Map<String, Long> oncePerMail = oncePerMail(opened.caseNumber());
        assertThat(oncePerMail).hasSize(5);
        assertThat(smtp.waitForIncomingEmail(5_000, 5)).isTrue();
        assertThat(deliveries(opened.caseNumber())).isEqualTo(oncePerMail);

        // more runs, now and later, send nothing again
        for (int i = 0; i < 3; i++) {
            assertThat(dispatcher.dispatchPending()).isZero();
            assertThat(dispatchLater(Duration.ofHours(2))).isZero();
        }
        assertThat(deliveries(opened.caseNumber())).isEqualTo(oncePerMail);
        assertThat(outbox.findByCaseNumberOrderByIdAsc(opened.caseNumber()))
                .allSatisfy(mail -> assertThat(mail.getStatus()).isEqualTo(OutboxMail.Status.SENT));
        // each mail carries the Message-ID of its outbox row, the same on any attempt
        List<String> expectedIds = outbox.findByCaseNumberOrderByIdAsc(opened.caseNumber()).stream()
                .map(mail -> "<supportflow-outbox-" + mail.getId() + "@kommune.example>").toList();
        List<String> receivedIds = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subjectOf(m).startsWith("[" + opened.caseNumber() + "]"))
                .map(MailDeliveryTest::messageIdOf).toList();
        assertThat(receivedIds).containsExactlyInAnyOrderElementsOf(expectedIds);
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageIdOf(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSilentSmtpServerTimesOutInsteadOfHoldingTheDispatcher() throws Exception {
        smtp.stop();
        String caseNumber = "SUP-TEST-000001";
        // accepts connections (the operating system does, from the backlog) but never says hello
        try (ServerSocket silent = new ServerSocket(TestSmtpServer.PORT, 50, InetAddress.getByName("127.0.0.1"))) {
            enqueue(caseNumber, "support1@kommune.example", "Langsom mailserver");
            // the dispatch after the commit gives up after the SMTP read timeout (2 s in tests)
            await().atMost(Duration.ofSeconds(15)).until(() -> onlyMail(caseNumber).getAttempts() == 1);

            // a guard against hanging, not a measurement: the read timeout ends the attempt
            int sent = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> dispatchLater(Duration.ofHours(2)));
            assertThat(sent).isZero();
            OutboxMail mail = onlyMail(caseNumber);
            assertThat(mail.getStatus()).isEqualTo(OutboxMail.Status.PENDING);
            assertThat(mail.getAttempts()).isEqualTo(2);
            assertThat(mail.getLastError()).contains("SocketTimeoutException");
        }

        smtp.start();
        assertThat(dispatchLater(Duration.ofHours(2))).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(deliveries(caseNumber)).isEqualTo(oncePerMail(caseNumber));
    }

    @Test
    void aMailThatCannotBeDeliveredRaisesAnIncidentOnItsCaseUntilAnAdministratorResendsIt() {
        smtp.stop();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("needMoreInfo", "processError", "Hvornår opstod fejlen første gang?"));
        scenario.executeJob(pi, Elements.TASK_MAIL_QUESTION);
        List<OutboxMail> givenUp = giveUp(opened.caseNumber());
        assertThat(givenUp).as("the receipt and the question").hasSize(2)
                .allSatisfy(mail -> assertThat(mail.getAttempts()).isEqualTo(policy.maxAttempts()));
        OutboxMail question = onlyMail(opened.caseNumber(), "Spørgsmål til din fejlindberetning");

        List<Incident> incidents = runtimeService.createIncidentQuery().incidentType(MailDeliveryIncidents.INCIDENT_TYPE)
                .processInstanceId(pi).list();
        assertThat(incidents).as("one incident per mail, on the case's process").extracting(Incident::getConfiguration)
                .containsExactlyInAnyOrderElementsOf(givenUp.stream().map(mail -> String.valueOf(mail.getId())).toList());
        Incident incident = incidentOf(question);
        assertThat(incident.getProcessInstanceId()).isEqualTo(pi);
        // on the activity the case is at (the process's own execution is none while a task has reminders)
        assertThat(incident.getActivityId()).isEqualTo(Tasks.PROVIDE_MORE_INFO);
        assertThat(incident.getIncidentMessage())
                .contains("outbox-id " + question.getId(), "efter " + policy.maxAttempts() + " forsøg", "ConnectException",
                        "[" + opened.caseNumber() + "] Spørgsmål til din fejlindberetning",
                        "POST /api/mails/" + question.getId() + "/retry")
                .doesNotContain("superbruger1", "@kommune.example", CaseScenario.CPR);
        // the case goes on: an undelivered mail does not hold it up
        assertThat(scenario.task(pi, Tasks.PROVIDE_MORE_INFO)).isNotNull();

        Api api = new Api(rest);
        String retry = "/api/mails/" + question.getId() + "/retry";
        for (String notAnAdministrator : List.of("support1", "superbruger1", "sagsbehandler1", "drift1")) {
            assertThat(api.post(notAnAdministrator, retry, null).getStatusCode()).as(notAnAdministrator)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.post(null, retry, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(onlyMail(opened.caseNumber(), "Spørgsmål").getStatus()).isEqualTo(OutboxMail.Status.FAILED);

        // operations fixed the SMTP server and resend the question; the receipt they leave
        smtp.start();
        var answer = api.post("admin", retry, null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("id", question.getId().intValue()).containsEntry("status", "PENDING")
                .containsEntry("caseNumber", opened.caseNumber()).doesNotContainKey("recipient");
        assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
        assertThat(historyService.createHistoricIncidentQuery().incidentId(incident.getId()).singleResult().isResolved())
                .isTrue();
        assertThat(runtimeService.createIncidentQuery().incidentType(MailDeliveryIncidents.INCIDENT_TYPE)
                .processInstanceId(pi).list()).extracting(Incident::getConfiguration)
                .containsExactly(String.valueOf(onlyMail(opened.caseNumber(), "Vi har modtaget").getId()));

        // the dispatch after the retry's commit sends it; further runs don't send it again
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatchPending();
            dispatchLater(Duration.ofHours(2));
        }
        OutboxMail sent = onlyMail(opened.caseNumber(), "Spørgsmål");
        assertThat(sent.getStatus()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(sent.getAttempts()).isZero();
        assertThat(deliveries(opened.caseNumber()))
                .isEqualTo(Map.of(sent.getRecipient() + " | " + sent.getSubject(), 1L));

        assertThat(api.post("admin", retry, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.post("admin", "/api/mails/999999999/retry", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMailOfAClosedCaseThatCannotBeDeliveredIsLoggedWithoutPersonalData(CapturedOutput output) {
        smtp.stop();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("solvedLocally", "userError", "Bevilg ydelsen som helbredstillæg."));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        scenario.complete(pi, Tasks.PLAN_KNOWLEDGE_SHARING, "support1", Map.of(Vars.SHARE_WITH_CASEWORKERS, false));
        scenario.closeCase(pi);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

        List<OutboxMail> givenUp = giveUp(opened.caseNumber());
        assertThat(givenUp).as("the receipt and the answer").hasSize(2);
        assertThat(historyService.createHistoricIncidentQuery().incidentType(MailDeliveryIncidents.INCIDENT_TYPE)
                .processInstanceId(pi).count()).isZero();
        for (OutboxMail mail : givenUp) {
            List<String> lines = output.getAll().lines().filter(line -> line.contains("Mail " + mail.getId() + " ")).toList();
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("ERROR")
                    .contains("case " + opened.caseNumber(), "no incident", "POST /api/mails/" + mail.getId() + "/retry"));
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains("@"));
        }
    }

    @Test
    void aJobWhoseTransactionFailsAfterItWroteAMailLeavesNoMailAndItsRetrySendsOne() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("solvedLocally", "userError", "Bevilg ydelsen som helbredstillæg."));
        Job job = managementService.createJobQuery().processInstanceId(pi).activityId(Elements.TASK_MAIL_ANSWER)
                .singleResult();
        String answer = "Svar på din fejlindberetning";

        // the job runs in a transaction that fails after the delegate wrote the mail, as when the
        // node stops or the commit fails: Camunda will run the job again
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            managementService.executeJob(job.getId());
            assertThat(mails(opened.caseNumber(), answer)).as("mail written").hasSize(1);
            throw new IllegalStateException("the job's transaction fails after the mail was written");
        })).hasMessageContaining("fails after the mail was written");

        assertThat(mails(opened.caseNumber(), answer)).as("no mail left behind").isEmpty();
        assertThat(managementService.createJobQuery().jobId(job.getId()).count()).as("the job is still there").isOne();
        dispatcher.dispatchPending();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries(opened.caseNumber()))
                .as("only the receipt").hasSize(1)
                .allSatisfy((mail, count) -> assertThat(mail).contains("Vi har modtaget din fejlindberetning")));

        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        assertThat(scenario.task(pi, Tasks.PLAN_KNOWLEDGE_SHARING)).isNotNull();
        assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatchPending();
            dispatchLater(Duration.ofHours(2));
        }
        Map<String, Long> oncePerMail = oncePerMail(opened.caseNumber());
        assertThat(oncePerMail).hasSize(2).containsKey("superbruger1@kommune.example | [" + opened.caseNumber()
                + "] Svar på din fejlindberetning: Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        assertThat(deliveries(opened.caseNumber())).isEqualTo(oncePerMail);
    }

    @Test
    void aMailLeftSendingByAStoppedNodeIsSentAgainOnlyAfterTheSendingTimeout() {
        String caseNumber = "SUP-TEST-000002";
        transactions.executeWithoutResult(status -> {
            mailOutbox.enqueue(new Mail(caseNumber, "test", List.of("support2@kommune.example"), "[" + caseNumber + "] Afbrudt",
                    "Denne mail var ved at blive sendt, da noden stoppede."));
            // claimed by a node that then stopped before it recorded the outcome, half a timeout ago
            claimedAgo(caseNumber, policy.sendingTimeout().dividedBy(2));
        });

        // the row is SENDING on purpose here: no waiting for it to settle
        assertThat(dispatchLaterWithoutWaiting(Duration.ZERO)).isZero();
        assertThat(onlyMail(caseNumber).getStatus()).as("the sender may still be at work").isEqualTo(OutboxMail.Status.SENDING);
        assertThat(deliveries(caseNumber)).isEmpty();

        claimedAgo(caseNumber, policy.sendingTimeout().plusSeconds(1));
        // now stale by the database's clock to every dispatcher: this one, or the one the commit started if still at work
        dispatchLaterWithoutWaiting(Duration.ZERO);
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        for (int i = 0; i < 3; i++) {
            dispatchLater(Duration.ofHours(2));
        }
        assertThat(deliveries(caseNumber)).isEqualTo(oncePerMail(caseNumber));
        assertThat(onlyMail(caseNumber).getStatus()).isEqualTo(OutboxMail.Status.SENT);
    }

    @Test
    void aNodeWhoseClockRunsAheadLeavesAnotherNodesFreshClaimAlone() {
        String caseNumber = "SUP-TEST-000004";
        transactions.executeWithoutResult(status -> {
            mailOutbox.enqueue(new Mail(caseNumber, "test", List.of("support2@kommune.example"), "[" + caseNumber + "] Undervejs",
                    "Denne mail er ved at blive sendt af en anden node."));
            // another node claimed it just now and is sending it
            claimedAgo(caseNumber, Duration.ZERO);
        });

        // this node's clock is a whole sending timeout (and more) ahead of the database's
        assertThat(dispatchLaterWithoutWaiting(policy.sendingTimeout().multipliedBy(3))).isZero();
        assertThat(onlyMail(caseNumber).getStatus()).isEqualTo(OutboxMail.Status.SENDING);
        assertThat(deliveries(caseNumber)).isEmpty();
        jdbc.update("update outbox_mail set status = 'SENT', claimed_at = null where case_number = ?", caseNumber);
    }

    /** Marks the case's mail SENDING, claimed by the database's clock the given time ago. */
    private void claimedAgo(String caseNumber, Duration ago) {
        jdbc.update("update outbox_mail set status = 'SENDING', claimed_at = ? where case_number = ?",
                databaseClock.now().minus(ago).atOffset(ZoneOffset.UTC), caseNumber);
    }

    @Test
    void dispatchersRacingOverTheSameOutboxSendEveryMailOnce() throws Exception {
        String caseNumber = "SUP-TEST-000003";
        transactions.executeWithoutResult(status -> {
            for (int i = 1; i <= 30; i++) {
                enqueueIn(caseNumber, "sagsbehandler" + (1 + i % 2) + "@kommune.example", "Mail nr. " + i);
            }
        });
        // four more dispatchers start together, beside the one the commit started
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return dispatcher.dispatchPending();
                }));
            }
            go.countDown();
            for (Future<Integer> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.findByCaseNumberOrderByIdAsc(caseNumber).stream()
                .allMatch(mail -> mail.getStatus() == OutboxMail.Status.SENT));
        dispatcher.dispatchPending();
        assertThat(oncePerMail(caseNumber)).hasSize(30);
        assertThat(deliveries(caseNumber)).isEqualTo(oncePerMail(caseNumber));
    }

    /**
     * Dispatches with the clock moved further ahead, past the backoff of every earlier failure,
     * once the dispatch started by the last commit has finished (it would skip the mails that
     * one still sends).
     */
    private int dispatchLater(Duration by) {
        awaitNoneSending();
        return dispatchLaterWithoutWaiting(by);
    }

    private int dispatchLaterWithoutWaiting(Duration by) {
        ahead = ahead.plus(by);
        return dispatcher.dispatch(Clock.offset(clock, ahead));
    }

    /** Dispatches with the SMTP server down until every mail of the case is given up. */
    private List<OutboxMail> giveUp(String caseNumber) {
        int rounds = 2 * policy.maxAttempts() * outbox.findByCaseNumberOrderByIdAsc(caseNumber).size();
        for (int round = 0; round < rounds && !outbox.findByCaseNumberOrderByIdAsc(caseNumber).stream()
                .allMatch(mail -> mail.getStatus() == OutboxMail.Status.FAILED); round++) {
            dispatchLater(Duration.ofHours(2));
        }
        List<OutboxMail> mails = outbox.findByCaseNumberOrderByIdAsc(caseNumber);
        assertThat(mails).allSatisfy(mail -> assertThat(mail.getStatus()).isEqualTo(OutboxMail.Status.FAILED));
        return mails;
    }

    private Incident incidentOf(OutboxMail mail) {
        Incident incident = runtimeService.createIncidentQuery().incidentType(MailDeliveryIncidents.INCIDENT_TYPE)
                .configuration(String.valueOf(mail.getId())).singleResult();
        assertThat(incident).as("incident of mail %s", mail.getId()).isNotNull();
        return incident;
    }

    /** Lets the dispatch started by the last commit finish. */
    private void awaitNoneSending() {
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.findAll().stream()
                .noneMatch(mail -> mail.getStatus() == OutboxMail.Status.SENDING));
    }

    private boolean everyMailTried(String caseNumber) {
        return outbox.findByCaseNumberOrderByIdAsc(caseNumber).stream().allMatch(mail -> mail.getAttempts() > 0);
    }

    private void enqueue(String caseNumber, String recipient, String subject) {
        transactions.executeWithoutResult(status -> enqueueIn(caseNumber, recipient, subject));
    }

    private void enqueueIn(String caseNumber, String recipient, String subject) {
        mailOutbox.enqueue(new Mail(caseNumber, "test", List.of(recipient), "[" + caseNumber + "] " + subject, "Hej\n\n" + subject));
    }

    private List<OutboxMail> mails(String caseNumber, String subjectPart) {
        return outbox.findByCaseNumberOrderByIdAsc(caseNumber).stream()
                .filter(mail -> mail.getSubject().contains(subjectPart)).toList();
    }

    private OutboxMail onlyMail(String caseNumber, String subjectPart) {
        List<OutboxMail> mails = mails(caseNumber, subjectPart);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private OutboxMail onlyMail(String caseNumber) {
        List<OutboxMail> mails = outbox.findByCaseNumberOrderByIdAsc(caseNumber);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** What the outbox holds for the case, as recipient | subject, each once. */
    private Map<String, Long> oncePerMail(String caseNumber) {
        return outbox.findByCaseNumberOrderByIdAsc(caseNumber).stream()
                .collect(toMap(mail -> mail.getRecipient() + " | " + mail.getSubject(), mail -> 1L));
    }

    /** What the SMTP server received about the case: how often each recipient | subject arrived. */
    private Map<String, Long> deliveries(String caseNumber) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> subject(mail).startsWith("[" + caseNumber + "]"))
                .collect(groupingBy(mail -> recipient(mail) + " | " + subject(mail), counting()));
    }

}
