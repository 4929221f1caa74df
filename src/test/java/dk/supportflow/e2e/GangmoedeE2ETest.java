package dk.supportflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.meetings.Gangmoede;
import dk.supportflow.meetings.GangmoedeRepository;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.process.GangmoedeProcess;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 6: a supportberettiget plans a gangmøde through the Danish form in Tasklist: the proposed
 * agenda is shown, a meeting in the past is refused, and the date and time picked in the form's
 * date and time fields become the meeting's time in Danish time.
 */
@SupportflowTest
class GangmoedeE2ETest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    CaseScenario scenario;
    @Autowired
    GangmoedeRepository meetings;

    @Test
    void aSupporterPlansAGangmoedeInTasklist() throws Exception {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(GangmoedeProcess.PROCESS_KEY).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test isolation"));
        String component = "Helbredstillæg " + UUID.randomUUID().toString().substring(0, 6);
        scenario.solveAndClose("Medicinudgifter kan ikke registreres", component, "userError", "Brug fanen Udgifter.");
        scenario.solveAndClose("Medicinudgifter mangler", component, "userError", "Brug fanen Udgifter.");
        ProcessInstance round = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(GangmoedeProcess.PROCESS_KEY).singleResult();
        scenario.executeJob(round.getId(), GangmoedeProcess.Elements.TASK_PROPOSE_AGENDA);

        LocalDate day = LocalDate.now(ClockConfig.ZONE).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        try (Tasklist t = new Tasklist("http://localhost:" + port, "support1")) {
            t.login("demo");
            WebElement form = t.openTask("Supportsager", "Planlæg gangmøde", "Planlæg gangmøde: 1 emne");
            assertThat(form.getText()).contains("Forslag til dagsorden", component + " – Brugerfejl", "Brug fanen Udgifter.");
            t.claim();
            form = t.form();
            assertThat(t.field(form, "Field_topicIds").getAttribute("value")).matches("\\d+");
            assertThat(t.field(form, "Field_durationMinutes").getAttribute("value")).isEqualTo("15");
            t.screenshot("gangmoede-proposed");

            // a day in the past: the server refuses, in Danish, and the form stays
            pickDate(t, form, LocalDate.now(ClockConfig.ZONE).minusDays(3));
            pickTime(t, form, "09:30");
            t.type(t.field(form, "Field_place"), "Ved kaffemaskinen, 2. sal");
            assertThat(t.completeRefused()).contains("Mødet skal ligge i fremtiden.");
            t.closeNotifications();

            form = t.form();
            pickDate(t, form, day);
            t.screenshot("gangmoede-filled");
            t.complete();
        }
        scenario.executeJob(round.getId(), GangmoedeProcess.Elements.TASK_SEND_INVITATIONS);
        Gangmoede gangmoede = meetings.findByProcessInstanceId(round.getId()).orElseThrow();
        assertThat(ZonedDateTime.ofInstant(gangmoede.getStartsAt(), ClockConfig.ZONE).toLocalDateTime())
                .isEqualTo(day.atTime(9, 30));
        assertThat(gangmoede.getEndsAt()).isEqualTo(gangmoede.getStartsAt().plusSeconds(15 * 60));
        assertThat(gangmoede.getPlace()).isEqualTo("Ved kaffemaskinen, 2. sal");
        assertThat(gangmoede.getPlannedBy()).isEqualTo("support1");
    }

    /** Types the date into form-js's date field as a person would (Tasklist shows it as MM/DD/YYYY). */
    private static void pickDate(Tasklist t, WebElement form, LocalDate date) {
        WebElement input = form.findElement(By.cssSelector("input[id*=\"-Field_meetingDate\"]"));
        t.type(input, DateTimeFormatter.ofPattern("MM/dd/yyyy").format(date));
        input.sendKeys(Keys.ENTER);
    }

    private static void pickTime(Tasklist t, WebElement form, String time) {
        WebElement input = form.findElement(By.cssSelector("input[id*=\"-Field_meetingTime\"]"));
        t.type(input, time);
        input.sendKeys(Keys.ENTER);
    }
}
