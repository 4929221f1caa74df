package dk.supportflow.intake;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import dk.supportflow.CaseScenario;
import dk.supportflow.ReceivedMails;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.minsupport.attachment.AttachmentInfo;
import dk.supportflow.minsupport.attachment.Attachments;
import dk.supportflow.notification.IntakeSettings;
import dk.supportflow.portal.PortalSession;
import dk.supportflow.process.MailIntakeProcess;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The support mailbox (GreenMail's IMAP, started by the test) read by the intake: a new report, a
 * reply with an attachment, a reply to a closed case, MinSupport's answer and question, an unknown
 * sender, an auto-reply, a bounce, the same mail twice, and the mailbox down and back, each with
 * the mails that result.
 */
@SupportflowTest
class MailIntakeTest {

    static final String MAILBOX = "support@kommune.example";
    static final String MINSUPPORT = "noreply-sager@minsupport.example";
    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.WITH_IMAP);

    @LocalServerPort
    int port;
    @Autowired
    MailboxWatcher watcher;
    @Autowired
    MailboxToken token;
    @Autowired
    IntakeSettings settings;
    @Autowired
    SupportCaseService cases;
    @Autowired
    Attachments attachments;
    @Autowired
    CaseScenario scenario;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    GreenMailUser mailbox;

    @BeforeEach
    void pointAtTheTestMailbox() {
        mailbox = smtp.setUser(MAILBOX, MAILBOX, "postkasse");
        settings.useMailbox("imap", "127.0.0.1", TestSmtpServer.IMAP.getPort(), MAILBOX, "postkasse");
    }

    @AfterEach
    void switchOff() {
        settings.useMailbox(null, null, 0, null, null);
    }

    @Test
    void aSuperbrugersMailBecomesACaseThatStartsWithTriage() throws Exception {
        String subject = "Brevet Afgørelse om varmetillæg mangler adressen " + marker();
        MimeMessage mail = mail("superbruger1@kommune.example", subject, """
                Hej support

                Jeg dannede brevet for borgeren 150372-4711, men adressen står tom.""");
        withAttachment(mail, "skaermbillede.png", "image/png", PNG);
        mailbox.deliver(mail);

        assertThat(watcher.poll()).isEqualTo(new MailboxWatcher.Poll(MailboxWatcher.Status.READ, 1));

        SupportCase opened = caseTitled(subject);
        assertThat(opened.getReporter()).isEqualTo("superbruger1");
        assertThat(opened.getChannel()).isEqualTo("mail");
        assertThat(opened.getWorkingOn()).contains("adressen står tom").doesNotContain("150372-4711");
        assertThat(attachments.listOf(opened)).extracting(AttachmentInfo::name).containsExactly("skaermbillede.png");
        Task triage = taskService.createTaskQuery().processInstanceId(opened.getProcessInstanceId()).singleResult();
        assertThat(triage.getTaskDefinitionKey()).isEqualTo(Tasks.TRIAGE_MAIL);
        assertThat(taskService.getIdentityLinksForTask(triage.getId())).anyMatch(link -> "supportberettigede".equals(link.getGroupId()));
        // the reporter gets the usual receipt
        assertThat(ReceivedMails.await(smtp, m -> ReceivedMails.subject(m).startsWith("[" + opened.getCaseNumber() + "]"), 1))
                .isNotEmpty();

        // triage: the training's questions must be answered before the analysis
        String pi = opened.getProcessInstanceId();
        taskService.claim(triage.getId(), "support1");
        assertThatThrownBy(() -> taskService.complete(triage.getId(), Map.of(Vars.TRIAGE_OUTCOME, "ready")))
                .hasMessageContaining("Skriv, hvad du forventede skulle ske");
        Map<String, Object> answers = new java.util.HashMap<>(Map.of(Vars.TRIAGE_OUTCOME, "ready", Vars.KIND, "error",
                Vars.WORKING_ON, "Brevet Afgørelse om varmetillæg til en pensionist",
                Vars.STEPS_TAKEN, "Dannede brevet fra sagen og åbnede udkastet",
                Vars.EXPECTED, "Borgerens adresse fra CPR i brevhovedet", Vars.ACTUAL, "Adressefeltet er tomt",
                Vars.COMPONENT, "breve", Vars.CPR, "150372-47"));
        assertThatThrownBy(() -> taskService.complete(triage.getId(), answers))
                .hasMessageContaining("CPR-nummeret skal have formen ddmmåå-xxxx");
        // the number the mail hid is typed again in the triage: on the case row, encrypted, never a variable
        answers.put(Vars.CPR, "150372-4711");
        taskService.complete(triage.getId(), answers);
        SupportCase triaged = cases.find(opened.getCaseNumber()).orElseThrow();
        assertThat(triaged.getExpected()).isEqualTo("Borgerens adresse fra CPR i brevhovedet");
        assertThat(triaged.getComponent()).isEqualTo("Breve");
        assertThat(cases.view(opened.getCaseNumber(), "support1", true).cpr()).isEqualTo("150372-xxxx");
        assertThat(runtimeService.getVariable(pi, Vars.CPR)).isNull();
        assertThat(runtimeService.getVariable(pi, Vars.CPR_REGISTERED)).isEqualTo(true);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ? and name_ = ?",
                Integer.class, pi, Vars.CPR)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ = ? and text_ like ?",
                Integer.class, pi, "%4711%")).isZero();
        assertThat(scenario.task(pi, Tasks.ANALYSE_ERROR)).isNotNull();
    }

    @Test
    void aFileTheApiWouldRefuseIsLeftOutAndTheSenderToldWhileTheRestIsTaken() throws Exception {
        String subject = "Udbetalingslisten kan ikke åbnes " + marker();
        MimeMessage mail = mail("superbruger1@kommune.example", subject, "Listen fra i dag kan ikke åbnes.");
        withAttachment(mail, "liste.exe", "application/octet-stream", "MZ not a document".getBytes());
        mailbox.deliver(mail);
        watcher.poll();

        SupportCase opened = caseTitled(subject);
        assertThat(attachments.listOf(opened)).isEmpty();
        List<MimeMessage> told = ReceivedMails.await(smtp, m -> ReceivedMails.subject(m)
                .equals("[" + opened.getCaseNumber() + "] Ikke alle bilag kom med"), 1);
        assertThat(told).singleElement().satisfies(m -> assertThat(ReceivedMails.text(m)).contains("liste.exe")
                .contains("PDF, PNG, JPEG eller DOCX"));
    }

    @Test
    void onlyTheIntakeStartsACaseWithTriage() {
        Map<String, Object> variables = new java.util.HashMap<>(CaseScenario.report("Breve dannes uden logo " + marker())
                .toVariables("Breve"));
        variables.put(Vars.TRIAGE, true);
        identityService.setAuthentication("superbruger1", List.of("superbrugere"));
        String pi;
        try {
            pi = runtimeService.startProcessInstanceByKey(dk.supportflow.process.SupportCaseProcess.PROCESS_KEY, variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(Tasks.TRIAGE_MAIL).count()).isZero();
        assertThat(scenario.task(pi, Tasks.ANALYSE_ERROR)).isNotNull();
    }

    @Test
    void aReplyAddsItsTextAndAttachmentToTheCaseAndAReplyToAClosedCaseOpensANewOne() throws Exception {
        SupportCaseService.OpenedCase open = scenario.open("Helbredstillæg beregnes forkert " + marker());
        String caseNumber = open.caseNumber();
        MimeMessage reply = mail("superbruger1@kommune.example", "SV: [" + caseNumber + "] Vi har modtaget din fejlindberetning", """
                Det sker også på en anden sag i dag.

                Den 5. dec. 2026 skrev Supportflow:
                > Vi har modtaget din fejlindberetning""");
        withAttachment(reply, "fejl.png", "image/png", PNG);
        mailbox.deliver(reply);
        watcher.poll();

        SupportCase replied = cases.find(caseNumber).orElseThrow();
        assertThat(informationOf(caseNumber)).singleElement().asString()
                .contains("Det sker også på en anden sag i dag.").doesNotContain("Vi har modtaget");
        assertThat(attachments.listOf(replied)).extracting(AttachmentInfo::name).containsExactly("fejl.png");

        // another superbruger cannot write to it
        mailbox.deliver(mail("superbruger2@kommune.example", "SV: [" + caseNumber + "] noget", "Hej"));
        watcher.poll();
        assertThat(informationOf(caseNumber)).hasSize(1);
        assertThat(ReceivedMails.await(smtp, m -> ReceivedMails.subject(m).startsWith("Vi kunne ikke tage imod din mail")
                && ReceivedMails.recipient(m).equals("superbruger2@kommune.example"), 1)).isNotEmpty();

        // closed: a new case that names it
        String closedNumber = scenario.solveAndClose("Varmetillæg udbetales ikke " + marker(), "Varmetillæg", "userError",
                "Registrér flytningen.");
        mailbox.deliver(mail("superbruger1@kommune.example", "SV: [" + closedNumber + "] Svar på din fejlindberetning",
                "Det virkede ikke alligevel."));
        watcher.poll();
        SupportCase followUp = caseTitled("Opfølgning på " + closedNumber);
        assertThat(followUp.getWorkingOn()).contains("den lukkede sag " + closedNumber).contains("Det virkede ikke alligevel.");
        assertThat(followUp.getReporter()).isEqualTo("superbruger1");
        // linked both ways: on the API and on each case's page
        assertThat(cases.view(followUp.getCaseNumber(), "superbruger1", false).followsCase()).isEqualTo(closedNumber);
        assertThat(cases.view(closedNumber, "superbruger1", false).followedBy()).containsExactly(followUp.getCaseNumber());
        PortalSession sofie = PortalSession.login(port, "superbruger1");
        assertThat(sofie.get("/portal/sager/" + followUp.getCaseNumber()).body())
                .contains("Opfølgning på den lukkede sag").contains("href=\"/portal/sager/" + closedNumber + "\"");
        assertThat(sofie.get("/portal/sager/" + closedNumber).body())
                .contains("Fulgt op i").contains("href=\"/portal/sager/" + followUp.getCaseNumber() + "\"");
    }

    @Test
    void outgoingMailsInviteRepliesToTheMailboxAndAReplyFindsItsCaseByInReplyToAlone() throws Exception {
        SupportCaseService.OpenedCase open = scenario.open("Breve <Afgørelse> dannes uden logo " + marker());
        scenario.dispatchMails();
        MimeMessage receipt = ReceivedMails.await(smtp, m -> ReceivedMails.subject(m).startsWith("[" + open.caseNumber() + "]"), 1)
                .get(0);
        assertThat(receipt.getReplyTo()).extracting(Object::toString).containsExactly(MAILBOX);
        assertThat(receipt.getMessageID()).matches("<supportflow-outbox-\\d+@kommune\\.example>");
        String html = htmlOf(receipt);
        assertThat(html).contains("<html lang=\"da\">").contains("<title>[" + open.caseNumber() + "]")
                .contains("&lt;Afgørelse&gt;").doesNotContain("<Afgørelse>");
        assertThat(ReceivedMails.text(receipt)).contains("<Afgørelse>");

        MimeMessage reply = mail("superbruger1@kommune.example", "SV: kvittering", "Logoet mangler også på brevet om varmetillæg.");
        reply.setHeader("In-Reply-To", receipt.getMessageID());
        mailbox.deliver(reply);
        watcher.poll();
        assertThat(informationOf(open.caseNumber())).singleElement().asString().contains("Logoet mangler også");
    }

    @Test
    void minSupportsAnswerAndQuestionReachTheCasesWaitingOnTheNumber() throws Exception {
        settings.useMinSupportSenders(List.of(MINSUPPORT));
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        SupportCaseService.OpenedCase asked = scenario.open("Personligt tillæg mangler på udbetalingen " + marker());
        scenario.escalate(asked.processInstanceId(), number, "lav", "fejlsag", false);
        String otherNumber = number + "-2";
        SupportCaseService.OpenedCase answered = scenario.open("Ældrecheck udbetales to gange " + marker());
        scenario.escalate(answered.processInstanceId(), otherNumber, "lav", "fejlsag", false);

        mailbox.deliver(mail(MINSUPPORT, "Sag " + number + ": der mangler oplysninger", "Hvilken dato blev tillægget bevilget?"));
        mailbox.deliver(mail(MINSUPPORT, "Sag " + otherNumber + " er besvaret", "Fejlen er rettet i release 26.12."));
        watcher.poll();

        assertThat(managementService.createJobQuery().processInstanceId(asked.processInstanceId())
                .activityId(Elements.TASK_PASS_ON_QUESTION).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(asked.processInstanceId(), Vars.MINSUPPORT_QUESTION))
                .isEqualTo("Hvilken dato blev tillægget bevilget?");
        // the answer waits for the supportberettiget to confirm it before it goes to the reporter
        Task forward = scenario.task(answered.processInstanceId(), Tasks.FORWARD_ANSWER);
        assertThat(forward).isNotNull();
    }

    @Test
    void unknownSendersGetAPoliteAnswerAndAutomaticMailsNothing() throws Exception {
        String unknown = "borger" + UUID.randomUUID().toString().substring(0, 6) + "@gmail.example";
        String subject = "Min pension er forkert " + marker();
        mailbox.deliver(mail(unknown, subject, "Hej, min pension er for lav."));
        MimeMessage outOfOffice = mail("superbruger2@kommune.example", "Automatisk svar: " + subject, "Jeg er på ferie.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        mailbox.deliver(outOfOffice);
        MimeMessage bounce = mail("mailer-daemon@kommune.example", "Undeliverable: " + subject, "Delivery failed");
        bounce.setHeader("Return-Path", "<>");
        mailbox.deliver(bounce);
        MimeMessage ours = mail("supportflow@kommune.example", "[SUP-2026-999999] Noget", "Vores egen mail kom tilbage");
        mailbox.deliver(ours);
        watcher.poll();

        List<MimeMessage> answers = ReceivedMails.await(smtp, m -> ReceivedMails.recipient(m).equals(unknown), 1);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(ReceivedMails.subject(answer)).isEqualTo("Vi kunne ikke tage imod din mail: " + subject);
            assertThat(ReceivedMails.text(answer)).contains("kontakt superbrugeren på din afdeling");
        });
        assertThat(jdbc.queryForObject("select count(*) from support_case where title like ?", Integer.class, "%" + subject + "%"))
                .isZero();
        // nobody answered the automatic ones
        assertThat(smtp.getReceivedMessages()).filteredOn(m -> !ReceivedMails.recipient(m).equals(MAILBOX))
                .noneMatch(m -> ReceivedMails.recipient(m).equals("mailer-daemon@kommune.example")
                        || ReceivedMails.subject(m).contains("Automatisk svar") || ReceivedMails.subject(m).contains("Undeliverable"));
        assertThat(jdbc.queryForList("select outcome from intake_mail where message_id in (?, ?, ?)", String.class,
                outOfOffice.getMessageID(), bounce.getMessageID(), ours.getMessageID())).containsOnly("AUTOMATIC").hasSize(3);
    }

    @Test
    void aMailThatCannotBeReadIsLeftForAPersonAndDoesNotStopTheOthers() throws Exception {
        String subject = "Mail der ikke kan laeses " + marker();
        String raw = "From: superbruger1@kommune.example\r\nTo: support@kommune.example\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <broken-" + marker() + "@kommune.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "!!!dette er ikke base64!!!\r\n";
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        String goodSubject = "Udbetaling mangler " + marker();
        mailbox.deliver(mail("superbruger1@kommune.example", goodSubject, "Udbetalingen kom ikke."));

        assertThat(watcher.poll()).isEqualTo(new MailboxWatcher.Poll(MailboxWatcher.Status.READ, 1));
        assertThat(caseTitled(goodSubject)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from support_case where title like ?", Integer.class, "%" + subject + "%"))
                .isZero();
        // left in the inbox for a person, marked read: not read again, and the mailbox is not reported as down
        assertThat(smtp.getManagers().getImapHostManager().getInbox(mailbox).getMessages())
                .filteredOn(stored -> ReceivedMails.subject(stored.getMimeMessage()).equals(subject)).singleElement()
                .satisfies(stored -> assertThat(stored.getFlags().contains(jakarta.mail.Flags.Flag.SEEN)).isTrue());
        assertThat(watcher.poll()).isEqualTo(new MailboxWatcher.Poll(MailboxWatcher.Status.READ, 0));
    }

    @Test
    void aMailWhoseHandlingKeepsFailingIsLeftForAPersonAfterItsTriesAndGetsNewOnesWhenMarkedUnread() throws Exception {
        SupportCaseService.OpenedCase open = scenario.open("Omregning stopper midt i beregningen " + marker());
        // a case that cannot take information: every try to add the reply fails
        runtimeService.suspendProcessInstanceById(open.processInstanceId());
        String subject = "SV: [" + open.caseNumber() + "] Vi har modtaget din fejlindberetning";
        mailbox.deliver(mail("superbruger1@kommune.example", subject, "Det sker også i dag."));
        String good = "Udbetalingsbrev mangler " + marker();

        for (int read = 1; read < MailboxWatcher.TRIES; read++) {
            watcher.poll();
            assertThat(seen(subject)).as("unread after try %d", read).isFalse();
        }
        mailbox.deliver(mail("superbruger1@kommune.example", good, "Brevet kom ikke."));
        // the last try: left in the inbox marked read, and the others are taken in as ever
        assertThat(watcher.poll().handled()).isEqualTo(1);
        assertThat(seen(subject)).isTrue();
        assertThat(caseTitled(good)).isNotNull();
        assertThat(informationOf(open.caseNumber())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from intake_failure", Integer.class)).isZero();

        // a person sorts out the case and marks the mail unread: it is taken in
        runtimeService.activateProcessInstanceById(open.processInstanceId());
        markUnread(subject);
        assertThat(watcher.poll().handled()).isEqualTo(1);
        assertThat(informationOf(open.caseNumber())).singleElement().asString().contains("Det sker også i dag.");
    }

    private boolean seen(String subject) {
        return storedInInbox(subject).getFlags().contains(jakarta.mail.Flags.Flag.SEEN);
    }

    private void markUnread(String subject) {
        storedInInbox(subject).setFlag(jakarta.mail.Flags.Flag.SEEN, false);
    }

    private com.icegreen.greenmail.store.StoredMessage storedInInbox(String subject) {
        try {
            return smtp.getManagers().getImapHostManager().getInbox(mailbox).getMessages().stream()
                    .filter(stored -> ReceivedMails.subject(stored.getMimeMessage()).equals(subject)).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void exchangeOnlineStyleTheMailboxLogsInWithAnAccessTokenFromTheTokenEndpoint() throws Exception {
        String issued = "token-" + UUID.randomUUID();
        // the mailbox takes the access token, not a password (GreenMail checks XOAUTH2's token as the password)
        mailbox = smtp.setUser(MAILBOX, MAILBOX, issued);
        settings.useMailbox("imap", "127.0.0.1", TestSmtpServer.IMAP.getPort(), MAILBOX, "");
        List<String> tokenRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer tokenEndpoint = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        tokenEndpoint.createContext("/tenant/oauth2/v2.0/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String client = exchange.getRequestHeaders().getFirst("Authorization");
            tokenRequests.add(form);
            boolean known = ("Basic " + Base64.getEncoder().encodeToString("supportflow-postkasse:hemmelig".getBytes()))
                    .equals(client);
            byte[] body = (known ? "{\"access_token\":\"" + issued + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                    : "{\"error\":\"invalid_client\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tokenEndpoint.start();
        String tokenUri = "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/tenant/oauth2/v2.0/token";
        try {
            String subject = "Brevet dannes ikke " + marker();
            mailbox.deliver(mail("superbruger1@kommune.example", subject, "Brevet kom ikke ud."));
            token.use(tokenUri, "supportflow-postkasse", "hemmelig", "https://outlook.office365.com/.default");
            assertThat(watcher.poll()).isEqualTo(new MailboxWatcher.Poll(MailboxWatcher.Status.READ, 1));
            assertThat(caseTitled(subject)).isNotNull();
            assertThat(tokenRequests).singleElement().asString().contains("grant_type=client_credentials")
                    .contains("scope=https%3A%2F%2Foutlook.office365.com%2F.default");
            // the token is kept while it is valid
            assertThat(watcher.poll().status()).isEqualTo(MailboxWatcher.Status.READ);
            assertThat(tokenRequests).hasSize(1);

            // a secret the provider refuses: the mailbox counts as not read, nothing thrown at the job
            token.use(tokenUri, "supportflow-postkasse", "forkert", "https://outlook.office365.com/.default");
            assertThat(watcher.poll().status()).isEqualTo(MailboxWatcher.Status.FAILED);
        } finally {
            token.use("", "", "", "");
            tokenEndpoint.stop(0);
            pointAtTheTestMailbox();
            watcher.poll(); // ends the failed reads in a row
        }
    }

    @Test
    void theSameMailSeenTwiceIsTakenInOnce() throws Exception {
        String subject = "Udbetalingen er stoppet uden grund " + marker();
        MimeMessage mail = mail("superbruger1@kommune.example", subject, "Udbetalingen stoppede i dag.");
        mailbox.deliver(mail);
        mailbox.deliver(new MimeMessage(mail));
        assertThat(watcher.poll().handled()).isEqualTo(1);
        assertThat(watcher.poll().handled()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from support_case where title = ?", Integer.class, subject)).isEqualTo(1);
    }

    @Test
    void aMailboxThatCannotBeReadRaisesOneIncidentAfterTheThresholdAndItIsResolvedWhenItCanAgain() throws Exception {
        settings.useMailbox("imap", "127.0.0.1", TestSmtpServer.freePort(), MAILBOX, "postkasse");
        for (int read = 1; read <= 3; read++) {
            String pi = runtimeService.startProcessInstanceByKey(MailIntakeProcess.PROCESS_KEY).getId();
            Job job = managementService.createJobQuery().processInstanceId(pi).singleResult();
            managementService.executeJob(job.getId());
            if (read < 3) {
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
            }
        }
        List<Incident> incidents = runtimeService.createIncidentQuery().incidentType(MailboxIncidents.INCIDENT_TYPE).list();
        assertThat(incidents).singleElement().satisfies(incident ->
                assertThat(incident.getIncidentMessage()).contains("Supportpostkassen").contains("3 gange i træk"));

        pointAtTheTestMailbox();
        String pi = runtimeService.startProcessInstanceByKey(MailIntakeProcess.PROCESS_KEY).getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi).singleResult().getId());
        assertThat(runtimeService.createIncidentQuery().incidentType(MailboxIncidents.INCIDENT_TYPE).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MailIntakeProcess.PROCESS_KEY).count()).isZero();
    }

    private SupportCase caseTitled(String titlePart) {
        String number = jdbc.queryForObject("select case_number from support_case where title like ?", String.class,
                "%" + titlePart + "%");
        return cases.find(number).orElseThrow();
    }

    private List<String> informationOf(String caseNumber) {
        return jdbc.queryForList("select i.text from case_information i join support_case c on c.id = i.case_id "
                + "where c.case_number = ? and i.source like 'Mail fra %'", String.class, caseNumber);
    }

    private static String htmlOf(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = htmlOf(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static MimeMessage mail(String from, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    static void withAttachment(MimeMessage message, String name, String type, byte[] content) throws Exception {
        MimeBodyPart text = new MimeBodyPart();
        text.setText((String) message.getContent(), "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        file.setFileName(name);
        message.setContent(new MimeMultipart(text, file));
        String id = message.getMessageID();
        message.saveChanges();
        message.setHeader("Message-ID", id);
    }
}
