package dk.supportflow.cases;

import static dk.supportflow.ReceivedMails.subjectStartsWith;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.CaseScenario;
import dk.supportflow.ReceivedMails;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.driftsside.KnownErrorCase;
import dk.supportflow.driftsside.KnownErrorLinks;
import dk.supportflow.knowledge.KnownError;
import dk.supportflow.knowledge.KnownErrorRepository;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two events reach a case before the job after the first one runs (job executor off, as when it
 * is busy or waits to retry): both are kept, and each is told about once.
 */
@SupportflowTest
class EventsKeptPerEventTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    ManagementService managementService;
    @Autowired
    KnownErrorRepository knownErrors;
    @Autowired
    KnownErrorLinks links;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void twoPiecesOfInformationAreBothKeptAndEachMailedOnce() throws Exception {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – to beskeder");
        cases.addInformation(opened.caseNumber(), "CPR", "Borgeren er flyttet til Aarhus.", "superbruger1", false);
        cases.addInformation(opened.caseNumber(), "Kollega", "Der er kommet en ny indtægt.", "superbruger1", false);

        List<Job> jobs = managementService.createJobQuery().processInstanceId(opened.processInstanceId())
                .activityId(Elements.TASK_REGISTER_CASE_INFORMATION).list();
        assertThat(jobs).hasSize(2);
        jobs.forEach(job -> managementService.executeJob(job.getId()));

        assertThat(cases.view(opened.caseNumber(), "support1", true).information())
                .extracting(CaseView.Information::source, CaseView.Information::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CPR", "Borgeren er flyttet til Aarhus."),
                        org.assertj.core.groups.Tuple.tuple("Kollega", "Der er kommet en ny indtægt."));
        scenario.dispatchMails();
        List<MimeMessage> mails = ReceivedMails.await(smtp, subjectStartsWith("[" + opened.caseNumber() + "] Ny information"), 4);
        List<String> bodies = mails.stream().map(EventsKeptPerEventTest::body).toList();
        // each piece once to each supportberettiget (nobody has the case yet)
        assertThat(bodies.stream().filter(b -> b.contains("flyttet til Aarhus"))).hasSize(2);
        assertThat(bodies.stream().filter(b -> b.contains("ny indtægt"))).hasSize(2);
    }

    @Test
    void twoKnownErrorsMatchedAtOnceAreBothRegisteredOnce() {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – to kendte fejl");
        scenario.escalate(opened.processInstanceId(), number, "lav", "fejlsag", false);
        transaction.executeWithoutResult(status -> {
            for (String symptom : List.of("Beregningen hænger", "Opgaven lukker ikke")) {
                KnownError knownError = knownErrors.save(new KnownError(symptom + " (" + number + ")", null,
                        "Vent på rettelsen.", null, "drift1", Instant.now()));
                links.matchOpenCases(knownError, "Kendt fejl: " + symptom + ", se " + number);
            }
        });

        List<Job> jobs = managementService.createJobQuery().processInstanceId(opened.processInstanceId())
                .activityId(Elements.TASK_REGISTER_KNOWN_ERROR).list();
        assertThat(jobs).hasSize(2);
        jobs.forEach(job -> managementService.executeJob(job.getId()));

        assertThat(links.linksOf(opened.caseNumber())).hasSize(2).extracting(KnownErrorCase::getRegisteredAt)
                .doesNotContainNull();
        assertThat(cases.view(opened.caseNumber(), "support1", true).information())
                .extracting(CaseView.Information::text)
                .satisfiesExactlyInAnyOrder(t -> assertThat(t).contains("Beregningen hænger"),
                        t -> assertThat(t).contains("Opgaven lukker ikke"));
    }

    private static String body(MimeMessage mail) {
        try {
            return ReceivedMails.text(mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
