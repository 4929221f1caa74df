package dk.supportflow.e2e;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 8: a support case from start to end, worked by people in Camunda Tasklist through the
 * rendered Danish forms in headless Chromium. Runs in failsafe (profile e2e, active where
 * /usr/bin/chromedriver exists). The job executor is off in the test profile, so the test
 * plays it: it runs the due jobs after each step and makes the follow-up timer due. Screenshots
 * of every step land in target/e2e-screenshots/.
 */
@SupportflowTest
class TasklistE2ETest {

    static final String TITLE = "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse";
    static final String BAD_TITLE = "VIGTIGT!!! Ring mig op";
    static final String CASE_TEXT = "Beregn tillæg";
    static final String SUPPORTSAGER = "Supportsager";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CaseScenario scenario;

    @BeforeAll
    static void freshScreenshots() {
        FileSystemUtils.deleteRecursively(Tasklist.SCREENSHOTS.toFile());
    }

    @Test
    void aCaseGoesThroughTasklistFromReportToKnowledgeSharing() throws Exception {
        // 1. superbruger1 reports the error through the start form
        as("superbruger1", t -> {
            t.screenshot("logged-in");
            // the end-of-life banner is for operators: here a quiet line naming the installation
            assertThat(t.visible(org.openqa.selenium.By.cssSelector(".ce-eol-banner")).getText())
                    .isEqualTo("Supportflow – kommunens sagsgang for fejl og spørgsmål om KP");
            WebElement form = t.startProcess("Supportsag");
            t.screenshot("start-form-empty");
            // keyboard: the fields are filled in reading order with Tab
            WebElement title = t.field(form, "Field_title");
            // form-js's own messages come in Danish too (scripts/form-messages-da.js)
            t.type(title, "x");
            title.sendKeys(Keys.BACK_SPACE);
            t.wait.until(d -> t.fieldErrors(form).contains("Feltet skal udfyldes."));
            t.type(title, TITLE);
            for (String[] next : new String[][] {
                    {"Field_workingOn", "Ansøgning om personligt tillæg for en folkepensionist"},
                    {"Field_stepsTaken", "Åbnede sagen, trykkede \"Beregn tillæg\" og godkendte beregningen"},
                    {"Field_expected", "At opgaven \"Beregn tillæg\" blev afsluttet"},
                    {"Field_actual", "Opgaven står stadig som åben, og der kom en pop-up med en procesfejl"},
                    {"Field_otherCasesAffected", "Prøvet på en anden sag, hvor det virkede"},
                    {"Field_triedSoFar", "Et trin tilbage i \"Gennemførte trin\" og frem igen"},
                    {"Field_errorMessage", "Procesfejl: Opgaven kunne ikke afsluttes"},
                    {"Field_component", "Personligt tillæg / Beregn tillæg"},
                    {"Field_kpCaseId", "SAG-2026-1234"},
                    {"Field_kpTaskId", "OP-2026-77"}}) {
                t.focused().sendKeys(Keys.TAB);
                assertThat(t.focused().getAttribute("id")).as("Tab leads to %s", next[0]).endsWith("-" + next[0]);
                t.focused().sendKeys(next[1]);
            }
            t.type(t.field(form, "Field_cpr"), CaseScenario.CPR);
            assertThat(t.fieldErrors(form)).isEmpty();
            t.screenshot("start-form-filled");
            t.submitStart(form);
            // Tasklist speaks Danish (our dictionary, locales/da.json)
            assertThat(t.notifications()).contains("Det er startet.");
            t.screenshot("started");
        });
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .variableValueEquals(Vars.TITLE, TITLE).singleResult();
        assertThat(instance).as("the case started in Tasklist").isNotNull();
        String pi = instance.getId();
        String caseNumber = instance.getBusinessKey();
        assertThat(caseNumber).startsWith("SUP-");
        runJobs(pi);

        // 2. superbruger2 does not see superbruger1's case, not even through a link to its task
        String analyseTaskId = scenario.task(pi, Tasks.ANALYSE_ERROR).getId();
        as("superbruger2", t -> {
            for (String filter : t.filterNames()) {
                t.openFilter(filter.strip().split("\\s+")[0]);
                assertThat(t.taskListText()).as("filter %s", filter).doesNotContain(CASE_TEXT).doesNotContain(caseNumber);
            }
            t.screenshot("filters");
            t.open("/camunda/app/tasklist/default/#/?task=" + analyseTaskId);
            assertThat(t.driver.findElements(org.openqa.selenium.By.cssSelector(".task-details .fjs-container")))
                    .isEmpty();
            assertThat(t.visible(org.openqa.selenium.By.cssSelector(".task-details")).getText())
                    .doesNotContain(CASE_TEXT);
            t.screenshot("direct-task-link");
        });

        // 3. support1 works the case in Tasklist
        as("support1", t -> {
            // Analysér fejlen: escalate, with the impact questions
            WebElement form = t.openTask(SUPPORTSAGER, "Analysér fejlen", CASE_TEXT);
            t.screenshot("analyse-unclaimed");
            t.claim();
            form = t.form();
            assertThat(form.getText()).contains(TITLE).contains("Fejlsøgning").doesNotContain(CaseScenario.CPR);
            // the form leads to the case's page in the portal
            assertThat(form.findElement(org.openqa.selenium.By.linkText("Åbn sagen")).getAttribute("href"))
                    .endsWith("/portal/sager/" + caseNumber);
            t.choose(form, "Field_errorClass", "Procesfejl");
            t.choose(form, "Field_outcome", "Eskalér til MinSupport");
            // keyboard: the impact checkboxes are ticked with the space bar; the workaround question
            // appears once the error blocks the work
            WebElement blocked = t.field(form, "Field_workBlocked");
            blocked.sendKeys(Keys.SPACE);
            assertThat(blocked.isSelected()).isTrue();
            WebElement workaround = t.field(form, "Field_workaroundAvailable");
            workaround.sendKeys(Keys.SPACE);
            assertThat(workaround.isSelected()).isTrue();
            t.screenshot("analyse-escalate");
            t.complete();
            runJobs(pi);

            // Forbered indberetningen: a bad title is refused before the ticket exists in MinSupport
            form = t.openTask(SUPPORTSAGER, "Forbered indberetningen", CASE_TEXT);
            form = t.claimIfOffered(form);
            t.screenshot("prepare-empty");
            t.choose(form, "Field_ticketType", "Fejlsag");
            t.type(t.field(form, "Field_ticketTitle"), BAD_TITLE);
            t.type(t.field(form, "Field_otherCasesAffected"), "Ja, også på en anden tillægssag i dag.");
            t.choose(form, "Field_criticality", "Lav");
            // only the Danish reason, not Camunda's wrapping of it (ENGINE-03051 ... TaskListener)
            String refusal = t.completeRefused();
            assertThat(refusal).contains("Opgaven kan ikke afsluttes endnu:").contains("Titlen")
                    .doesNotContain("ENGINE-", "TaskListener", "Cannot", "Exception", "Titlen: Titlen");
            t.screenshot("prepare-bad-title-refused");
            t.closeNotifications();
            t.type(t.field(form, "Field_ticketTitle"), TITLE);
            t.screenshot("prepare-filled");
            t.complete();
            runJobs(pi);

            // Indberet til MinSupport: the finished draft to copy, and only the MinSupport number
            form = t.openTask(SUPPORTSAGER, "Indberet til MinSupport", CASE_TEXT);
            form = t.claimIfOffered(form);
            assertThat(form.getText()).contains("Titel: " + TITLE).contains("Ja, også på en anden tillægssag i dag.");
            t.screenshot("report-draft");
            t.type(t.field(form, "Field_minSupportCaseNumber"), "ms-4242");
            t.complete();
            runJobs(pi);
        });

        // 4. the follow-up is due
        scenario.executeJob(pi, Elements.TIMER_FOLLOW_UP_DUE);
        runJobs(pi);

        as("support1", t -> {
            // Følg op på MinSupport-sagen: MinSupport has answered
            WebElement form = t.openTask(SUPPORTSAGER, "Følg op på MinSupport-sagen", CASE_TEXT);
            t.claim();
            form = t.form();
            assertThat(form.getText()).contains("MS-4242");
            t.screenshot("follow-up-empty");
            t.field(form, "Field_minSupportAnswered").sendKeys(Keys.SPACE);
            // keyboard: Tab from the tick box leads to the answer it reveals
            t.focused().sendKeys(Keys.TAB);
            assertThat(t.focused().getAttribute("id")).endsWith("-Field_minSupportAnswer");
            t.focused().sendKeys("Fejlen er rettet og kommer med i næste version af KP.");
            t.screenshot("follow-up-filled");
            t.complete();
            runJobs(pi);

            // Videresend svaret
            form = t.openTask(SUPPORTSAGER, "Videresend svaret", CASE_TEXT);
            t.claim();
            form = t.form();
            t.screenshot("forward-empty");
            t.type(t.field(form, "Field_answer"), "Leverandøren har rettet fejlen, og rettelsen kommer med i næste "
                    + "version af KP. Indtil da: gå et trin tilbage i \"Gennemførte trin\" og godkend igen.");
            t.screenshot("forward-filled");
            t.complete();
            runJobs(pi);

            // Planlæg vidensdeling, with the keyboard
            form = t.openTask(SUPPORTSAGER, "Planlæg vidensdeling", CASE_TEXT);
            t.claim();
            form = t.form();
            t.screenshot("share-empty");
            t.field(form, "Field_shareWithCaseworkers").sendKeys(Keys.SPACE);
            t.focused().sendKeys(Keys.TAB);
            assertThat(t.focused().getAttribute("id")).endsWith("-Field_shareMessage");
            t.focused().sendKeys("Afsluttes opgaven \"Beregn tillæg\" ikke efter godkendelse, så gå et trin tilbage i "
                    + "\"Gennemførte trin\" og godkend igen. Fejlen rettes i næste version.");
            t.screenshot("share-filled");
            t.complete();
            runJobs(pi);
            t.screenshot("done");
        });

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getState())
                .isEqualTo("COMPLETED");

        // 5. the mails arrive
        scenario.dispatchMails();
        List<String> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            mails.add(recipients(mail) + " | " + mail.getSubject());
        }
        assertThat(mails).anySatisfy(m -> assertThat(m).startsWith("superbruger1@kommune.example |")
                .contains(caseNumber).contains("Svar på din fejlindberetning"));
        assertThat(mails).anySatisfy(m -> assertThat(m).startsWith("sagsbehandler1@kommune.example |").contains(caseNumber));
        assertThat(mails).anySatisfy(m -> assertThat(m).startsWith("sagsbehandler2@kommune.example |").contains(caseNumber));
        assertThat(mails).noneSatisfy(m -> assertThat(m).startsWith("superbruger2@"));
    }

    /** Runs everything the job executor would run now (not the timers that are not due). */
    private void runJobs(String pi) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(pi).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + pi);
    }

    private static String recipients(MimeMessage mail) throws MessagingException {
        return String.join(",", java.util.Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                .map(Object::toString).toList());
    }

    interface Step {
        void run(Tasklist tasklist) throws Exception;
    }

    /** One person's session in a fresh browser; a screenshot of where it stopped if it fails. */
    private void as(String user, Step step) throws Exception {
        long start = System.nanoTime();
        try (Tasklist tasklist = new Tasklist("http://localhost:" + port, user)) {
            try {
                tasklist.login("demo");
                step.run(tasklist);
            } catch (Exception | AssertionError e) {
                tasklist.screenshot("FAILED");
                System.err.println("Notifications: " + tasklist.notifications());
                throw e;
            }
        } finally {
            System.out.printf("E2E %s's session took %d s%n", user, (System.nanoTime() - start) / 1_000_000_000);
        }
    }
}
