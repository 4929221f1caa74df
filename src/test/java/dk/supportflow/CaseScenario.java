package dk.supportflow;

import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.supportflow.cases.CaseReport;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.notification.MailDispatcher;
import dk.supportflow.notification.OutboxMail;
import dk.supportflow.notification.OutboxMailRepository;
import dk.supportflow.process.SupportCaseProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives support cases in tests the way people and the job executor would. */
@Component
public class CaseScenario {

    public static final String CPR = "150372-4711";

    private final SupportCaseService cases;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final MailDispatcher mailDispatcher;
    private final OutboxMailRepository outbox;
    private final ProcessEngineConfigurationImpl engine;

    public CaseScenario(SupportCaseService cases, TaskService taskService, ManagementService managementService,
            MailDispatcher mailDispatcher, OutboxMailRepository outbox, ProcessEngineConfigurationImpl engine) {
        this.outbox = outbox;
        this.cases = cases;
        this.taskService = taskService;
        this.managementService = managementService;
        this.mailDispatcher = mailDispatcher;
        this.engine = engine;
    }

    public static CaseReport report(String title) {
        return report(title, "Beregn tillæg");
    }

    public static CaseReport report(String title, String component) {
        return new CaseReport(title, "Boligstøtte til en pensionist", "Åbnede sagen, valgte 'Beregn tillæg' og godkendte",
                "At opgaven blev afsluttet", "Opgaven står stadig som åben", "Et trin tilbage i Gennemførte trin",
                "Teknisk fejl: NullPointerException i beregning", component, CPR, "KP-778899", "BT-12",
                false, null, null, null, null, null, null);
    }

    /** Opens a case as superbruger1 (with a CPR number) and returns its process instance id. */
    public SupportCaseService.OpenedCase open(String title) {
        return open(title, "Beregn tillæg");
    }

    public SupportCaseService.OpenedCase open(String title, String component) {
        SupportCaseService.OpenedCase opened = cases.openCase(report(title, component), "superbruger1");
        prepareAnalysis(opened.processInstanceId());
        return opened;
    }

    /**
     * Runs the job that creates analyseError with its suggestions and links (out of the
     * transaction that opened the case); where the job executor runs, waits for it instead.
     * A case on a model from before that job has its task at once.
     */
    public void prepareAnalysis(String processInstanceId) {
        task(processInstanceId, SupportCaseProcess.Tasks.ANALYSE_ERROR);
    }

    /**
     * The open task; a task behind an async continuation (analyseError, prepareMinSupportReport,
     * reportToMinSupport) is created first by running its job, as the job executor would, or,
     * where the job executor runs, once it has.
     */
    public Task task(String processInstanceId, String taskKey) {
        Task task = openTask(processInstanceId, taskKey);
        if (task == null && engine.getJobExecutor().isActive()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> openTask(processInstanceId, taskKey) != null);
            task = openTask(processInstanceId, taskKey);
        } else if (task == null) {
            Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(taskKey).singleResult();
            if (job != null) {
                managementService.executeJob(job.getId());
                task = openTask(processInstanceId, taskKey);
            }
        }
        assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    /** What the open task's form shows besides the case (tasks.FormDisplay): a variable of the task itself. */
    public Object formShows(String processInstanceId, String taskKey, String name) {
        return taskService.getVariableLocal(task(processInstanceId, taskKey).getId(), name);
    }

    private Task openTask(String processInstanceId, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    }

    /** Claims the task as the given person and completes it with the variables. */
    public void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(processInstanceId, taskKey);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), variables);
    }

    /** Executes the one job waiting at the given activity (async continuation or timer). */
    public Job executeJob(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        assertThat(job).as("job at %s", activityId).isNotNull();
        managementService.executeJob(job.getId());
        return job;
    }

    /**
     * Opens a case in the component as superbruger1, solves it locally in analysis with the error
     * class and answer, shares nothing and closes it (its error pattern registered). Returns the case number.
     */
    public String solveAndClose(String title, String component, String errorClass, String answer) {
        SupportCaseService.OpenedCase opened = open(title, component);
        solveLocallyAndClose(opened.processInstanceId(), errorClass, answer);
        return opened.caseNumber();
    }

    /** Solves the open case locally in analysis (as support1), shares nothing and closes it. */
    public void solveLocallyAndClose(String processInstanceId, String errorClass, String answer) {
        complete(processInstanceId, SupportCaseProcess.Tasks.ANALYSE_ERROR, "support1",
                analysis("solvedLocally", errorClass, answer));
        executeJob(processInstanceId, SupportCaseProcess.Elements.TASK_MAIL_ANSWER);
        complete(processInstanceId, SupportCaseProcess.Tasks.PLAN_KNOWLEDGE_SHARING, "support1",
                Map.of(Vars.SHARE_WITH_CASEWORKERS, false));
        closeCase(processInstanceId);
    }

    /** Analyses the open case as needing MinSupport and reports it there as support1. */
    public void escalate(String processInstanceId, String minSupportNumber, String criticality, String ticketType,
            boolean existing) {
        complete(processInstanceId, SupportCaseProcess.Tasks.ANALYSE_ERROR, "support1",
                analysis("escalate", "technicalError", null));
        reportToMinSupport(processInstanceId, "support1", ticket(minSupportNumber, criticality, ticketType, existing));
    }

    /** The MinSupport ticket of a "Beregn tillæg" error, as escalate reports it. */
    public static Map<String, Object> ticket(String minSupportNumber, String criticality, String ticketType, boolean existing) {
        Map<String, Object> ticket = new HashMap<>();
        ticket.put(Vars.MINSUPPORT_CASE_NUMBER, minSupportNumber);
        ticket.put(Vars.EXISTING_MINSUPPORT_CASE, existing);
        ticket.put(Vars.TICKET_TYPE, ticketType);
        ticket.put(Vars.TICKET_TITLE, "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        ticket.put(Vars.CRITICALITY, criticality);
        ticket.put(Vars.CRITICALITY_JUSTIFICATION, "Sagsbehandlerne kan ikke afslutte beregningen.");
        return ticket;
    }

    /**
     * Prepares the report (prepareMinSupportReport) with the ticket's fields and reports it
     * (reportToMinSupport) with its MinSupport number, as the given supportberettiget.
     */
    public void reportToMinSupport(String processInstanceId, String user, Map<String, Object> ticket) {
        Map<String, Object> prepare = new HashMap<>(ticket);
        Object number = prepare.remove(Vars.MINSUPPORT_CASE_NUMBER);
        if (Boolean.TRUE.equals(ticket.get(Vars.EXISTING_MINSUPPORT_CASE))) {
            prepare.put(Vars.MINSUPPORT_CASE_NUMBER, number);
        }
        prepare.putIfAbsent(Vars.OTHER_CASES_AFFECTED, "Prøvet på en anden sag, hvor det virkede.");
        complete(processInstanceId, SupportCaseProcess.Tasks.PREPARE_MINSUPPORT_REPORT, user, prepare);
        complete(processInstanceId, SupportCaseProcess.Tasks.REPORT_TO_MINSUPPORT, user,
                Map.of(Vars.MINSUPPORT_CASE_NUMBER, number));
    }

    /** Runs the closing job of a case that has passed planKnowledgeSharing: close, and register its error pattern. */
    public void closeCase(String processInstanceId) {
        executeJob(processInstanceId, SupportCaseProcess.Elements.TASK_CLOSE_CASE);
    }

    /**
     * Sends every due mail, and waits for the dispatch a commit started in the background: it may
     * hold a claim on a mail this run skips, still sending when this run returns.
     */
    public int dispatchMails() {
        int sent = mailDispatcher.dispatchPending();
        Instant started = Instant.now().minus(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.findAll().stream()
                .noneMatch(mail -> mail.getStatus() == OutboxMail.Status.SENDING && mail.getClaimedAt().isAfter(started)));
        return sent;
    }

    public static Map<String, Object> analysis(String outcome, String errorClass, String answerOrQuestion) {
        String textVariable = "needMoreInfo".equals(outcome) ? Vars.QUESTION : Vars.ANSWER;
        return answerOrQuestion == null ? Map.of(Vars.OUTCOME, outcome, Vars.ERROR_CLASS, errorClass)
                : Map.of(Vars.OUTCOME, outcome, Vars.ERROR_CLASS, errorClass, textVariable, answerOrQuestion);
    }
}
