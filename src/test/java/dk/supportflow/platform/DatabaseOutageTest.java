package dk.supportflow.platform;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.ReceivedMails.recipient;
import static dk.supportflow.ReceivedMails.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowApplication;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.SupportCaseService.OpenedCase;
import dk.supportflow.process.SupportCaseProcess.Tasks;
import dk.supportflow.process.SupportCaseProcess.Vars;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL stops in the middle of the work (cases just finished, their closing jobs and mails
 * pending) and starts again: every mail arrives once, with a Message-ID of its own, and every
 * case finishes. A node of its own (engine "outage") on a PostgreSQL whose data directory
 * survives the stop.
 */
@Tag("nodes")
class DatabaseOutageTest {

    static final int SMTP_PORT = TestSmtpServer.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    static Path dataDirectory;
    static int port;
    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext node;

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyMailArrivesOnceAndEveryCaseFinishesAfterTheDatabaseWasAway() throws Exception {
        dataDirectory = Files.createTempDirectory("supportflow-outage");
        port = TestSmtpServer.freePort();
        postgres = startPostgres();
        node = startNode();
        CaseScenario scenario = node.getBean(CaseScenario.class);
        ProcessEngine engine = node.getBean(ProcessEngine.class);

        List<OpenedCase> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            OpenedCase opened = scenario.open("Driftsstop " + i + ": opgaven \"Beregn tillæg\" afsluttes ikke");
            scenario.complete(opened.processInstanceId(), Tasks.ANALYSE_ERROR, "support1",
                    analysis("solvedLocally", "userError", "Vælg ydelsen helbredstillæg, ikke varmetillæg."));
            cases.add(opened);
        }
        // half the cases are finished by the supportberettiget: their closing jobs and mails are pending
        for (OpenedCase opened : cases.subList(0, 4)) {
            shareAndFinish(scenario, engine, opened);
        }

        postgres.close();
        // the node has met the closed door (the pool's connection attempts time out) before it comes back
        MeterRegistry meters = node.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> meters.find("hikaricp.connections.timeout").counters().stream()
                .mapToDouble(counter -> counter.count()).sum() >= 3);
        postgres = startPostgres();

        for (OpenedCase opened : cases.subList(4, 8)) {
            shareAndFinish(scenario, engine, opened);
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(engine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceIds(cases.stream().map(OpenedCase::processInstanceId)
                        .collect(Collectors.toSet())).count()).as("cases still running").isZero());
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        // a mail sent while the database went away is recorded once it is back, not left SENDING to go out again
        await("every mail recorded as sent").atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox_mail where status <> 'SENT'", Integer.class) == 0);

        for (OpenedCase opened : cases) {
            List<String> written = jdbc.queryForList("select recipient || ' ' || subject from outbox_mail where case_number = ?",
                    String.class, opened.caseNumber());
            assertThat(written).as("written once each").doesNotHaveDuplicates()
                    .anyMatch(mail -> mail.contains("Vi har modtaget din fejlindberetning"))
                    .anyMatch(mail -> mail.contains("Svar på din fejlindberetning"))
                    .anyMatch(mail -> mail.contains("Til alle sagsbehandlere"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(received(opened.caseNumber())).as("arrived once each").containsExactlyInAnyOrderElementsOf(written));
        }
        List<String> messageIds = Stream.of(smtp.getReceivedMessages()).map(DatabaseOutageTest::messageId).toList();
        assertThat(messageIds).doesNotHaveDuplicates();
    }

    /** Completes planKnowledgeSharing (sharing with every caseworker) once the answer mail's job has run. */
    private static void shareAndFinish(CaseScenario scenario, ProcessEngine engine, OpenedCase opened) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> engine.getTaskService().createTaskQuery()
                .processInstanceId(opened.processInstanceId()).taskDefinitionKey(Tasks.PLAN_KNOWLEDGE_SHARING).count() == 1);
        scenario.complete(opened.processInstanceId(), Tasks.PLAN_KNOWLEDGE_SHARING, "support1", Map.of(
                Vars.SHARE_WITH_CASEWORKERS, true, Vars.SHARE_MESSAGE, "Flere har mødt denne fejl i KP."));
    }

    /** A server on the same port and data directory each time: a stop and a start of one database. */
    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(SupportflowApplication.class)
                .profiles("postgres")
                .run(TestNode.arguments(postgres, "outage", SMTP_PORT, 4000, "spring.datasource.hikari.connection-timeout=1000"));
    }

    /** "recipient subject" of every mail the SMTP server received about the case. */
    private static List<String> received(String caseNumber) {
        return Stream.of(smtp.getReceivedMessages()).filter(mail -> subject(mail).startsWith("[" + caseNumber + "]"))
                .map(mail -> recipient(mail) + " " + subject(mail)).toList();
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
