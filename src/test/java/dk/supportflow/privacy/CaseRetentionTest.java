package dk.supportflow.privacy;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.CasePersonalData;
import dk.supportflow.cases.CaseView;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.knowledge.SolvedCase;
import dk.supportflow.knowledge.SolvedCaseRepository;
import dk.supportflow.notification.OutboxMail;
import dk.supportflow.notification.OutboxMailRepository;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.platform.JobLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.SimpleTriggerContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention on real cases run to the end with CaseScenario: our job, run with a clock moved past
 * the retention period of one case but not of a case closed later, and Camunda's history cleanup.
 */
@SupportflowTest
class CaseRetentionTest {

    static final String PLACEHOLDER = CasePersonalData.RETENTION_PLACEHOLDER;
    static final Duration PERIOD = Duration.ofDays(365);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    CasePersonalData personalData;
    @Autowired
    PrivacyAuditLog auditLog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CaseRetention configuredRetention;
    @Autowired
    SolvedCaseRepository solvedCases;
    @Autowired
    OutboxMailRepository outbox;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobLease lease;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    List<ScheduledTaskHolder> scheduledTasks;

    @Test
    void onlyCasesClosedLongerAgoThanThePeriodLoseTheirPersonalDataEveryCopyOfIt() {
        var older = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – opbevaring A");
        cases.addInformation(older.caseNumber(), "Kollega", "Borgeren har ringet igen", "superbruger1", false);
        scenario.executeJob(older.processInstanceId(), Elements.TASK_REGISTER_CASE_INFORMATION);
        String analyse = scenario.task(older.processInstanceId(), Tasks.ANALYSE_ERROR).getId();
        taskService.createComment(analyse, older.processInstanceId(), "Borgeren Jens Hansen har ringet om sagen");
        scenario.solveLocallyAndClose(older.processInstanceId(), "userError", "Vælg ydelsen helbredstillæg.");
        var newer = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – opbevaring B");
        scenario.solveLocallyAndClose(newer.processInstanceId(), "userError", "Rettet i 24.4.");
        var open = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – opbevaring C");
        scenario.dispatchMails();
        assertThat(sentMails(older.caseNumber())).isNotEmpty();
        SolvedCase knowledgeBefore = solvedCases.findByCaseNumber(older.caseNumber()).orElseThrow();

        Instant closedOlder = cases.find(older.caseNumber()).orElseThrow().getClosedAt();
        Instant closedNewer = cases.find(newer.caseNumber()).orElseThrow().getClosedAt();
        assertThat(closedNewer).isAfter(closedOlder);
        // a year after a moment between the two closings
        // (in microseconds, as the database keeps it)
        Instant now = closedOlder.plus(Duration.between(closedOlder, closedNewer).dividedBy(2)).plus(PERIOD)
                .truncatedTo(ChronoUnit.MICROS);
        long auditBefore = lastAuditId();

        CaseRetention.Result result = retentionAt(now, 1).run();

        assertThat(result.closedBefore()).isAfter(closedOlder).isBefore(closedNewer);
        assertThat(result.casesAnonymised()).isPositive();
        assertThat(result.batches()).as("one transaction per case at batch size 1").isEqualTo(result.casesAnonymised());

        CaseView anonymised = cases.view(older.caseNumber(), "support1", true);
        assertThat(anonymised.cpr()).isNull();
        assertThat(List.of(anonymised.workingOn(), anonymised.stepsTaken(), anonymised.expected(), anonymised.actual(),
                anonymised.triedSoFar(), anonymised.errorMessage())).containsOnly(PLACEHOLDER);
        assertThat(anonymised.kpCaseId()).isNull();
        assertThat(anonymised.kpTaskKey()).isNull();
        assertThat(anonymised.information()).isEmpty();
        assertThat(anonymised.title()).isEqualTo("Opgaven \"Beregn tillæg\" afsluttes ikke – opbevaring A");
        assertThat(anonymised.component()).isEqualTo("Beregn tillæg");
        assertThat(anonymised.answer()).isEqualTo("Vælg ydelsen helbredstillæg.");
        assertThat(columns(older.caseNumber())).containsEntry("CPR_ENCRYPTED", null).containsEntry("CPR_LOOKUP", null);
        assertThat(anonymisedAt(older.caseNumber())).isEqualTo(now);
        assertThat(sentMails(older.caseNumber())).isEmpty();
        assertThat(historicValues(older.processInstanceId(), Vars.WORKING_ON)).isEmpty();
        assertThat(historicValues(older.processInstanceId(), Vars.TITLE)).isNotEmpty();
        assertThat(historicValues(older.processInstanceId(), Vars.ANSWER)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from outbox_mail where case_number = ?", Long.class,
                older.caseNumber())).as("mails of the case, whatever their state").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_COMMENT where PROC_INST_ID_ = ?", Long.class,
                older.processInstanceId())).as("comments on its tasks").isZero();
        // the knowledge keeps the title and the answer; the symptom came from the report and goes
        SolvedCase knowledge = solvedCases.findByCaseNumber(older.caseNumber()).orElseThrow();
        assertThat(knowledgeBefore.getSymptom()).contains("Opgaven står stadig som åben");
        assertThat(knowledge.getSymptom()).isEqualTo(PLACEHOLDER);
        assertThat(knowledge.getAnswer()).isEqualTo("Vælg ydelsen helbredstillæg.");
        assertThat(knowledge.getTitle()).isEqualTo(knowledgeBefore.getTitle());

        assertKept(newer.caseNumber());
        assertKept(open.caseNumber());

        List<Map<String, Object>> audit = jdbc.queryForList(
                "select actor, action, case_count, case_numbers from privacy_audit where id > ? order by id", auditBefore);
        assertThat(audit).hasSize(result.batches())
                .allSatisfy(row -> assertThat(row).containsEntry("ACTOR", CaseRetention.ACTOR)
                        .containsEntry("ACTION", "RETENTION").containsEntry("CASE_COUNT", 1))
                .anySatisfy(row -> assertThat(row).containsEntry("CASE_NUMBERS", older.caseNumber()));

        // idempotent: a second run finds nothing, and says so in the audit trail
        long afterFirstRun = lastAuditId();
        assertThat(retentionAt(now, 100).run().casesAnonymised()).isZero();
        assertThat(jdbc.queryForList("select action, case_count from privacy_audit where id > ?", afterFirstRun))
                .extracting(row -> row.get("action"), row -> row.get("case_count"))
                .containsExactly(tuple("RETENTION", 0));
        assertThat(anonymisedAt(older.caseNumber())).as("unchanged by the second run").isEqualTo(now);

        // the job as configured (real clock, 12 months) keeps cases closed today
        configuredRetention.run();
        assertKept(newer.caseNumber());

        // a year after the newer case closed, it goes too; the open case never does
        CaseRetention.Result later = retentionAt(closedNewer.plus(PERIOD).plus(Duration.ofDays(1)), 100).run();
        assertThat(later.casesAnonymised()).isPositive();
        assertThat(cases.view(newer.caseNumber(), "support1", true).workingOn()).isEqualTo(PLACEHOLDER);
        assertThat(solvedCases.findByCaseNumber(newer.caseNumber())).isPresent();
        assertKept(open.caseNumber());
    }

    @Test
    void theJobIsScheduledNightlyAtHalfPastTwoDanishTime() {
        CronTask task = scheduledTasks.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .map(ScheduledTask::getTask)
                .filter(t -> t instanceof CronTask && t.toString().equals(CaseRetention.class.getName() + ".nightly"))
                .map(CronTask.class::cast)
                .findFirst().orElseThrow();
        assertThat(task.getExpression()).isEqualTo("0 30 2 * * *");
        // 02:30 in Copenhagen is 01:30 UTC in winter and 00:30 UTC in summer
        assertThat(nextRun(task, "2026-01-15T12:00:00Z")).isEqualTo("2026-01-16T01:30:00Z");
        assertThat(nextRun(task, "2026-07-15T12:00:00Z")).isEqualTo("2026-07-16T00:30:00Z");
    }

    private static Instant nextRun(CronTask task, String after) {
        return task.getTrigger().nextExecution(new SimpleTriggerContext(Clock.fixed(Instant.parse(after), ClockConfig.ZONE)));
    }

    /**
     * Camunda's own history is the other half of retention: every definition has a time to live
     * (enforced), an ended case's history gets its removal time from it, and the cleanup job
     * runs in the configured night window.
     */
    @Test
    void camundaHistoryOfAClosedCaseIsRemovedByTheCleanupInTheNightWindow() {
        assertThat(repositoryService.createProcessDefinitionQuery().list())
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull());
        assertThat(repositoryService.createDecisionDefinitionQuery().list())
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull());

        var closed = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – historik");
        scenario.solveLocallyAndClose(closed.processInstanceId(), "userError", "Rettet.");
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(closed.processInstanceId()).singleResult();
        assertThat(history.getRemovalTime()).isEqualTo(
                Date.from(history.getEndTime().toInstant().plus(Duration.ofDays(180))));

        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
    }

    /** The job with the real collaborators and a clock standing at {@code now}. */
    private CaseRetention retentionAt(Instant now, int batchSize) {
        return new CaseRetention(personalData, auditLog, transactions, Clock.fixed(now, ClockConfig.ZONE),
                PERIOD.toString(), batchSize, lease, meters);
    }

    private void assertKept(String caseNumber) {
        CaseView kept = cases.view(caseNumber, "support1", true);
        assertThat(kept.cpr()).isEqualTo("150372-xxxx");
        assertThat(kept.workingOn()).isEqualTo("Boligstøtte til en pensionist");
        assertThat(kept.kpCaseId()).isEqualTo("KP-778899");
        assertThat(anonymisedAt(caseNumber)).isNull();
        assertThat((String) columns(caseNumber).get("CPR_LOOKUP")).hasSize(64);
    }

    private Map<String, Object> columns(String caseNumber) {
        return jdbc.queryForMap("select cpr_encrypted, cpr_lookup, anonymised_at from support_case where case_number = ?",
                caseNumber);
    }

    private Instant anonymisedAt(String caseNumber) {
        OffsetDateTime value = jdbc.queryForObject("select anonymised_at from support_case where case_number = ?",
                OffsetDateTime.class, caseNumber);
        return value == null ? null : value.toInstant();
    }

    private List<Object> historicValues(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).includeDeleted().list().stream().map(v -> v.getValue()).toList();
    }

    private List<OutboxMail> sentMails(String caseNumber) {
        return outbox.findByCaseNumberOrderByIdAsc(caseNumber).stream()
                .filter(m -> m.getStatus() == OutboxMail.Status.SENT).toList();
    }

    private long lastAuditId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from privacy_audit", Long.class);
    }
}
