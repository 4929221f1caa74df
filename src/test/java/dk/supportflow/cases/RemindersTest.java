package dk.supportflow.cases;

import static dk.supportflow.ReceivedMails.subjectStartsWith;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.CaseScenario;
import dk.supportflow.ReceivedMails;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.platform.ClockConfig;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** No case goes quiet: a question waiting on the reporter, and tasks lying with the supportberettigede, remind. */
@SupportflowTest
class RemindersTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    CaseScenario scenario;
    @Autowired
    ManagementService managementService;

    @Test
    void theReporterIsRemindedAfterTwoDaysAndTheCaseHandlerToldAfterFive() throws Exception {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – påmindelse");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                CaseScenario.analysis("needMoreInfo", "processError", "Hvilken ydelse var valgt?"));
        scenario.executeJob(pi, Elements.TASK_MAIL_QUESTION);
        String taskId = scenario.task(pi, Tasks.PROVIDE_MORE_INFO).getId();
        // in calendar days, whatever daylight saving does to the hours
        assertThat(daysUntil(timer(pi, Elements.TIMER_REPORTER_REMINDER))).isEqualTo(2);
        assertThat(daysUntil(timer(pi, Elements.TIMER_REPORTER_SILENT))).isEqualTo(5);

        scenario.executeJob(pi, Elements.TIMER_REPORTER_REMINDER);
        scenario.executeJob(pi, Elements.TASK_REMIND_REPORTER);
        scenario.executeJob(pi, Elements.TIMER_REPORTER_SILENT);
        scenario.executeJob(pi, Elements.TASK_TELL_REPORTER_SILENT);
        // the question is still open: a reminder does not end the wait
        assertThat(scenario.task(pi, Tasks.PROVIDE_MORE_INFO).getId()).isEqualTo(taskId);

        scenario.dispatchMails();
        MimeMessage reminder = ReceivedMails.await(smtp, subjectStartsWith("[" + opened.caseNumber() + "] Påmindelse"), 1).get(0);
        assertThat(ReceivedMails.recipient(reminder)).isEqualTo("superbruger1@kommune.example");
        assertThat(ReceivedMails.text(reminder)).contains("#/?task=" + taskId).contains(opened.caseNumber());
        MimeMessage silent = ReceivedMails.await(smtp, subjectStartsWith("[" + opened.caseNumber() + "] Sofie Superbruger har ikke svaret"),
                1).get(0);
        assertThat(ReceivedMails.recipient(silent)).isEqualTo("support1@kommune.example");
    }

    @Test
    void aTaskOfTheSupportberettigedeRemindsEveryDayWhileItLies() throws Exception {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – opgaven ligger");
        String pi = opened.processInstanceId();
        scenario.escalate(pi, number, "lav", "fejlsag", false);
        scenario.executeJob(pi, Elements.TIMER_FOLLOW_UP_DUE);
        scenario.executeJob(pi, Elements.TASK_MAIL_FOLLOW_UP_REMINDER);
        scenario.complete(pi, Tasks.FOLLOW_UP_MINSUPPORT, "support1",
                Map.of(Vars.MINSUPPORT_ANSWERED, true, Vars.MINSUPPORT_ANSWER, "Rettet i 24.4."));
        String forward = scenario.task(pi, Tasks.FORWARD_ANSWER).getId();
        assertThat(daysUntil(timer(pi, Elements.TIMER_FORWARD_REMINDER))).isEqualTo(1);

        scenario.executeJob(pi, Elements.TIMER_FORWARD_REMINDER);
        scenario.executeJob(pi, Elements.TASK_REMIND_FORWARD);
        // and again tomorrow, while the task still lies
        assertThat(timer(pi, Elements.TIMER_FORWARD_REMINDER)).isNotNull();

        scenario.dispatchMails();
        var reminders = ReceivedMails.await(smtp,
                subjectStartsWith("[" + opened.caseNumber() + "] Påmindelse: \"Videresend svaret\" venter"), 2);
        // nobody has taken it: the whole group
        assertThat(reminders).extracting(ReceivedMails::recipient)
                .containsExactlyInAnyOrder("support1@kommune.example", "support2@kommune.example");
        assertThat(ReceivedMails.text(reminders.get(0))).contains("#/?task=" + forward).contains("ingen har taget den");
    }

    private Job timer(String pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi).activityId(activityId).timers().singleResult();
    }

    private static int daysUntil(Job timer) {
        LocalDate due = timer.getDuedate().toInstant().atZone(ClockConfig.ZONE).toLocalDate();
        return Period.between(LocalDate.now(ClockConfig.ZONE), due).getDays();
    }
}
