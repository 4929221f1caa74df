package dk.supportflow.meetings;

import static dk.supportflow.process.GangmoedeProcess.Elements;
import static dk.supportflow.process.GangmoedeProcess.Tasks;
import static dk.supportflow.process.GangmoedeProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.CaseScenario;
import dk.supportflow.ReceivedMails;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.knowledge.KnowledgeArticle;
import dk.supportflow.knowledge.KnowledgeEntries;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.process.GangmoedeProcess;
import dk.supportflow.process.SupportCaseProcess;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Attendee;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The gangmoede process on the real engine: from recurring errors to invitations, record and covered topics. */
@SupportflowTest
class GangmoedeProcessTest {

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
    CaseScenario scenario;
    @Autowired
    MeetingTopicRepository topics;
    @Autowired
    GangmoedeRepository meetings;
    @Autowired
    GangmoedePlanning planning;
    @Autowired
    KnowledgeEntries knowledge;
    @Autowired
    MeetingPlans plans;

    @BeforeEach
    void noOtherRound() {
        BpmnAwareTests.init(processEngine);
        // rounds left by other tests (every new topic opens one) would keep this test's round from planning
        runtimeService.createProcessInstanceQuery().processDefinitionKey(GangmoedeProcess.PROCESS_KEY).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test isolation"));
    }

    @Test
    void planningRoundsOpenEveryMondayMorningByDefault() {
        Job timer = managementService.createJobQuery().processDefinitionKey(GangmoedeProcess.PROCESS_KEY).timers()
                .activityId(Elements.START_PLANNING_DUE).singleResult();
        assertThat(timer).isNotNull();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void aRecurringErrorBecomesAGangmoedeWithInvitationsRecordAndCoveredTopic() throws Exception {
        String component = "Komponent " + UUID.randomUUID().toString().substring(0, 8);
        String answer = "Vælg ydelsen Helbredstillæg i stedet for Personligt tillæg.";
        String guide = scenario.solveAndClose("Vejledning i tillæg", "Andet " + component, "processError", answer);
        KnowledgeArticle article = knowledge.writeArticle(guide, "Sådan vælger du det rigtige tillæg",
                "Tillæg kan ikke beregnes", null, answer, null, "support1");
        String first = scenario.solveAndClose("Kan ikke beregne tillæg", component, "userError", answer);
        assertThat(gangmoedeRounds()).isEmpty();

        // the second user error (weight 2) reaches the threshold of 3: a new topic, and a round opens.
        // Its supportberettiget names the article it was solved with.
        var opened = scenario.open("Tillæg kan ikke beregnes", component);
        String second = opened.caseNumber();
        scenario.complete(opened.processInstanceId(), SupportCaseProcess.Tasks.ANALYSE_ERROR, "support1",
                CaseScenario.analysis("solvedLocally", "userError", answer));
        scenario.executeJob(opened.processInstanceId(), SupportCaseProcess.Elements.TASK_MAIL_ANSWER);
        assertThatThrownBy(() -> scenario.complete(opened.processInstanceId(), SupportCaseProcess.Tasks.PLAN_KNOWLEDGE_SHARING, "support1",
                Map.of(SupportCaseProcess.Vars.SHARE_WITH_CASEWORKERS, false, SupportCaseProcess.Vars.SOLVED_WITH_ARTICLE, 999999L)))
                .hasMessageContaining("Vidensartikel '999999' findes ikke.");
        scenario.complete(opened.processInstanceId(), SupportCaseProcess.Tasks.PLAN_KNOWLEDGE_SHARING, "support1",
                Map.of(SupportCaseProcess.Vars.SHARE_WITH_CASEWORKERS, false, SupportCaseProcess.Vars.SOLVED_WITH_ARTICLE, article.getId()));
        scenario.closeCase(opened.processInstanceId());
        MeetingTopic topic = topicOf(component);
        assertThat(topic.getCaseNumbers()).containsExactlyInAnyOrder(first, second);
        ProcessInstance round = gangmoedeRounds().get(0);
        assertThat(round).isWaitingAt(Elements.TASK_PROPOSE_AGENDA);

        scenario.executeJob(round.getId(), Elements.TASK_PROPOSE_AGENDA);
        assertThat(round).isWaitingAt(Tasks.PLAN);
        Task plan = taskService.createTaskQuery().processInstanceId(round.getId()).singleResult();
        assertThat(taskService.getIdentityLinksForTask(plan.getId())).anyMatch(l -> "supportberettigede".equals(l.getGroupId()));
        String agenda = (String) runtimeService.getVariable(round.getId(), Vars.AGENDA);
        assertThat(agenda).contains("Emne " + topic.getId() + ": " + component + " – Brugerfejl", first, second,
                "Artikel " + article.getId() + ": Sådan vælger du det rigtige tillæg – " + answer)
                .doesNotContain(guide).doesNotContain(CaseScenario.CPR);
        assertThat((String) runtimeService.getVariable(round.getId(), Vars.TOPIC_IDS)).contains(String.valueOf(topic.getId()));

        // bad input: every problem in Danish, the task stays open
        taskService.claim(plan.getId(), "support1");
        Map<String, Object> bad = new HashMap<>(Map.of(Vars.MEETING_DATE, "2020-01-06", Vars.MEETING_TIME, "09:00",
                Vars.DURATION_MINUTES, 15, Vars.TOPIC_IDS, topic.getId() + ", 999999", Vars.ONLINE_LINK, "teams"));
        assertThatThrownBy(() -> taskService.complete(plan.getId(), bad))
                .hasMessageContaining("Mødet skal ligge i fremtiden.")
                .hasMessageContaining("Emne 999999 findes ikke")
                .hasMessageContaining("skal begynde med https://");
        assertThat(round).isWaitingAt(Tasks.PLAN);

        // a winter Monday at 09:00 Danish time (UTC+1)
        LocalDate day = LocalDate.now(ClockConfig.ZONE).plusYears(1).withMonth(1).withDayOfMonth(1)
                .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        taskService.complete(plan.getId(), Map.of(Vars.MEETING_DATE, day.toString(), Vars.MEETING_TIME, "09:00",
                Vars.DURATION_MINUTES, 15L, Vars.PLACE, "Ved kaffemaskinen, 2. sal",
                Vars.ONLINE_LINK, "https://teams.example/m/gangmoede", Vars.TOPIC_IDS, String.valueOf(topic.getId())));
        scenario.executeJob(round.getId(), Elements.TASK_SEND_INVITATIONS);
        assertThat(topics.findById(topic.getId()).orElseThrow().getStatus()).isEqualTo(MeetingTopic.Status.PLANNED);
        scenario.dispatchMails();

        List<MimeMessage> invitations = invitationsFor(day, 2);
        assertThat(invitations).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("sagsbehandler1@kommune.example", "sagsbehandler2@kommune.example");
        Calendar calendar = calendarOf(invitations.get(0));
        assertThat(calendar.getProperty(Property.METHOD).map(Property::getValue)).hasValue("REQUEST");
        VTimeZone zone = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
        assertThat(zone.getProperty(Property.TZID).map(Property::getValue)).hasValue("Europe/Copenhagen");
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Copenhagen");
        ZonedDateTime start = ZonedDateTime.from(event.getStartDate().orElseThrow().getDate());
        ZonedDateTime end = ZonedDateTime.from(event.getEndDate().orElseThrow().getDate());
        assertThat(start.toLocalDateTime()).isEqualTo(day.atTime(9, 0));
        assertThat(start.toInstant()).isEqualTo(day.atTime(8, 0).toInstant(ZoneOffset.UTC));
        assertThat(end.toInstant()).isEqualTo(start.toInstant().plusSeconds(15 * 60));
        assertThat(event.getProperty(Property.LOCATION).map(Property::getValue)).hasValue("Ved kaffemaskinen, 2. sal");
        assertThat(event.getProperty(Property.URL).map(Property::getValue)).hasValue("https://teams.example/m/gangmoede");
        assertThat(event.getProperty(Property.ORGANIZER).map(Property::getValue)).hasValue("mailto:support1@kommune.example");
        assertThat(event.<Attendee>getProperties(Property.ATTENDEE)).extracting(Property::getValue)
                .contains("mailto:sagsbehandler1@kommune.example", "mailto:sagsbehandler2@kommune.example");
        assertThat(event.getProperty(Property.DESCRIPTION).map(Property::getValue).orElseThrow())
                .contains(component + " – Brugerfejl (2 sager)");

        // the invitation job run again (a retry) invites nobody twice
        Gangmoede gangmoede = meetings.findByProcessInstanceId(round.getId()).orElseThrow();
        planning.plan(round.getId(), new MeetingPlan(gangmoede.getStartsAt(), gangmoede.getEndsAt(), null,
                "https://teams.example/m/gangmoede", List.of(topic.getId())), "support1");
        scenario.dispatchMails();
        // nothing more arrives while the sending after commit could still be under way
        org.awaitility.Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> invitationsFor(day, 2).size() == 2);

        // the record task comes when the meeting has ended
        Job held = managementService.createJobQuery().processInstanceId(round.getId()).activityId(Elements.TIMER_MEETING_HELD)
                .singleResult();
        assertThat(held.getDuedate().toInstant()).isEqualTo(end.toInstant());
        managementService.executeJob(held.getId());
        assertThat(round).isWaitingAt(Tasks.RECORD);
        Task record = taskService.createTaskQuery().processInstanceId(round.getId()).singleResult();
        taskService.claim(record.getId(), "support2");
        assertThatThrownBy(() -> taskService.complete(record.getId(), Map.of(Vars.ATTENDEES, "Anna, Bo")))
                .hasMessageContaining("Skriv, hvad I aftalte.");
        taskService.complete(record.getId(), Map.of(Vars.ATTENDEES, "Anna, Bo og Carl",
                Vars.AGREEMENTS, "Vi bruger Helbredstillæg, når borgeren har medicinudgifter."));
        scenario.executeJob(round.getId(), Elements.TASK_MARK_TOPICS_COVERED);
        assertThat(round).isEnded().hasPassed(Elements.END_GANGMOEDE_HELD);

        MeetingTopic covered = topics.findById(topic.getId()).orElseThrow();
        assertThat(covered.getStatus()).isEqualTo(MeetingTopic.Status.COVERED);
        assertThat(covered.getCoveredAt()).isEqualTo(start.toInstant());
        Gangmoede held2 = meetings.findById(gangmoede.getId()).orElseThrow();
        assertThat(held2.getStatus()).isEqualTo(Gangmoede.Status.HELD);
        assertThat(held2.getPlannedBy()).isEqualTo("support1");
        assertThat(held2.getAttendees()).isEqualTo("Anna, Bo og Carl");
    }

    @Test
    void aCprNumberTypedIntoThePlaceNeverReachesTheInvitations() {
        LocalDate day = LocalDate.now(ClockConfig.ZONE).plusDays(7);
        Map<String, Object> form = Map.of(Vars.MEETING_DATE, day.toString(), Vars.MEETING_TIME, "10:00",
                Vars.DURATION_MINUTES, 15L, Vars.PLACE, "Mødelokale 2 (spørg om " + CaseScenario.CPR + ")");
        MeetingPlan plan = plans.read(form::get).plan();
        assertThat(plan.place()).startsWith("Mødelokale 2").doesNotContain(CaseScenario.CPR);
        assertThat(plan.startsAt()).isEqualTo(day.atTime(10, 0).atZone(ClockConfig.ZONE).toInstant());
    }

    @Test
    void aNewTopicWhileARoundWaitsForItsPlannerOpensNoSecondRound() {
        String component = "Komponent " + UUID.randomUUID().toString().substring(0, 8);
        scenario.solveAndClose("Fejl i udbetaling", component, "userError", "Brug den nye arbejdsgang.");
        scenario.solveAndClose("Fejl i udbetaling igen", component, "userError", "Brug den nye arbejdsgang.");
        ProcessInstance waiting = gangmoedeRounds().get(0);
        scenario.executeJob(waiting.getId(), Elements.TASK_PROPOSE_AGENDA);
        assertThat(waiting).isWaitingAt(Tasks.PLAN);

        ProcessInstance second = runtimeService.startProcessInstanceByMessage(GangmoedeProcess.Messages.TOPIC_PROPOSED);
        scenario.executeJob(second.getId(), Elements.TASK_PROPOSE_AGENDA);
        assertThat(second).isEnded().hasPassed(Elements.END_NOTHING_TO_PLAN);
        assertThat(waiting).isWaitingAt(Tasks.PLAN);
    }

    @Test
    void theWeeklyTimerOpensARoundAndSchedulesTheNextOne() {
        Job timer = managementService.createJobQuery().processDefinitionKey(GangmoedeProcess.PROCESS_KEY).timers()
                .activityId(Elements.START_PLANNING_DUE).singleResult();
        ClockUtil.setCurrentTime(timer.getDuedate());
        try {
            managementService.executeJob(timer.getId());
        } finally {
            ClockUtil.reset();
        }
        ProcessInstance round = gangmoedeRounds().get(0);
        assertThat(round).isWaitingAt(Elements.TASK_PROPOSE_AGENDA);
        Job next = managementService.createJobQuery().processDefinitionKey(GangmoedeProcess.PROCESS_KEY).timers()
                .activityId(Elements.START_PLANNING_DUE).singleResult();
        // a week later on the calendar: 167 or 169 hours across a daylight saving change
        assertThat(next.getDuedate().toInstant())
                .isEqualTo(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).plusWeeks(1).toInstant());
        assertThat(next.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    private List<ProcessInstance> gangmoedeRounds() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(GangmoedeProcess.PROCESS_KEY).list();
    }

    private MeetingTopic topicOf(String component) {
        return topics.findAll().stream().filter(t -> t.pattern().component().equals(component)).findFirst().orElseThrow();
    }

    /** The invitations to the gangmøde on the day, once at least {@code expected} have arrived. */
    private static List<MimeMessage> invitationsFor(LocalDate day, int expected) throws InterruptedException {
        String date = GangmoedeMails.DAY.format(day);
        return ReceivedMails.await(smtp, mail -> ReceivedMails.subject(mail).startsWith("Invitation: Gangmøde")
                && ReceivedMails.subject(mail).contains(date), expected);
    }

    private static Calendar calendarOf(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && "gangmoede.ics".equals(part.getFileName())) {
                assertThat(part.getContentType()).startsWith("text/calendar");
                try (InputStream in = part.getInputStream()) {
                    return new CalendarBuilder().build(in);
                }
            }
        }
        throw new AssertionError("no gangmoede.ics in " + Arrays.toString(message.getAllRecipients()));
    }
}
