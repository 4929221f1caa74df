package dk.supportflow.notification;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.TestSmtpServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newcomer's setup: no spring.mail.host, so mails go to the embedded SMTP server and can be
 * read at /mails. Deliberately not the "test" profile, which points at a test SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:embedded-mail;DB_CLOSE_DELAY=-1",
        // a second engine in this JVM: under its own name, or Camunda's static engine registry
        // would hand the other test context's REST API this engine
        "camunda.bpm.process-engine-name=embeddedMail",
        "camunda.bpm.job-execution.enabled=false"})
class EmbeddedMailViewerTest {

    @DynamicPropertySource
    static void embeddedSmtpPort(DynamicPropertyRegistry registry) {
        registry.add("supportflow.mail.embedded-smtp-port", TestSmtpServer::freePort);
        registry.add("supportflow.mail.embedded-imap-port", TestSmtpServer::freePort);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void mailsSentWithoutAConfiguredSmtpServerCanBeReadAtMails() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        scenario.complete(opened.processInstanceId(), Tasks.ANALYSE_ERROR, "support1",
                analysis("solvedLocally", "userError", "Brug <Helbredstillæg> i stedet."));
        scenario.executeJob(opened.processInstanceId(), Elements.TASK_MAIL_ANSWER);
        scenario.dispatchMails();

        Api api = new Api(rest);
        String subject = "[" + opened.caseNumber() + "] Svar på din fejlindberetning";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.getText("superbruger1", "/mails").getBody()).contains(subject));
        String page = api.getText("superbruger1", "/mails").getBody();
        assertThat(page).contains("superbruger1@kommune.example").contains("Brug &lt;Helbredstillæg&gt; i stedet.")
                .doesNotContain("<Helbredstillæg>");
        assertThat(api.getText("admin", "/mails").getBody()).contains(subject);
        assertThat(api.getText("superbruger2", "/mails").getBody()).doesNotContain(subject).contains("Ingen mails endnu");
        assertThat(api.getText(null, "/mails").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // a mail with an attachment: its text, and the file named below it
        transactions.executeWithoutResult(status -> outbox.enqueue(new Mail(null, "test", List.of("sagsbehandler1@kommune.example"),
                "Invitation: Gangmøde", "Hej alle\n\nVi holder et kort gangmøde.",
                new Mail.Attachment("gangmoede.ics", "text/calendar; charset=UTF-8", "BEGIN:VCALENDAR".getBytes()))));
        scenario.dispatchMails();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.getText("sagsbehandler1", "/mails").getBody())
                .contains("Vi holder et kort gangmøde.", "Vedhæftet: gangmoede.ics").doesNotContain("BEGIN:VCALENDAR"));
    }
}
