package dk.supportflow.minsupport.draft;

import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.domain.Refused;
import dk.supportflow.minsupport.attachment.Attachments;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.privacy.Cpr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MinSupport draft for the API and for the Tasklist form. The CPR number appears in clear
 * text in one place only: the draft the API gives the supportberettiget to whom the case's
 * analyseError or reportToMinSupport task is assigned. Drafts are never logged.
 */
@Service
public class MinSupportDrafts {

    /** The CPR line of the Tasklist draft, which is a process variable and so kept in Camunda's history. */
    public static final String CPR_IN_SUPPORTFLOW = "se udkastet i Supportflow (vises kun for den tildelte)";
    /** A Camunda string variable holds 4000 characters. */
    static final int MAX_VARIABLE_LENGTH = 3800;
    private static final List<String> CPR_TASKS = List.of(Tasks.ANALYSE_ERROR, Tasks.REPORT_TO_MINSUPPORT);
    private static final Logger LOG = LoggerFactory.getLogger(MinSupportDrafts.class);

    private final SupportCaseService cases;
    private final Attachments attachments;
    private final TicketDraftBuilder builder;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final PeopleDirectory people;

    public MinSupportDrafts(SupportCaseService cases, Attachments attachments, TicketDraftBuilder builder,
            RuntimeService runtimeService, TaskService taskService, HistoryService historyService, PeopleDirectory people) {
        this.people = people;
        this.cases = cases;
        this.attachments = attachments;
        this.builder = builder;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    /** The draft for a supportberettiget or administrator; the reporting person is the one who has the case, else the caller. */
    @Transactional(readOnly = true)
    public TicketDraft forCaller(String caseNumber, String callerId, boolean supportStaff) {
        if (!supportStaff) {
            throw Refused.forbidden("Udkastet til MinSupport kan kun ses af de supportberettigede.");
        }
        SupportCase supportCase = cases.readable(caseNumber, callerId, true);
        Map<String, Object> variables = variables(supportCase);
        String handler = Optional.ofNullable(variables.get(Vars.CASE_HANDLER)).map(Object::toString).orElse(callerId);
        TicketDraftBuilder.CprLine cpr = cprFor(supportCase, callerId);
        if (cpr.inClear()) {
            // who saw a citizen's CPR number, never the number
            LOG.info("MinSupport draft of case {} shown to {} with the CPR number in clear", caseNumber, callerId);
        }
        return builder.build(supportCase, variables, handler, cpr, attachments.listOf(supportCase));
    }

    /** The draft text for the reportToMinSupport form: without the CPR number, within a string variable's length. */
    @Transactional(readOnly = true)
    public String textForTasklist(String caseNumber, String processInstanceId, Map<String, Object> variables) {
        SupportCase supportCase = cases.ofProcess(caseNumber, processInstanceId);
        boolean hasCpr = cases.cprInClear(supportCase) != null;
        TicketDraftBuilder.CprLine cpr = new TicketDraftBuilder.CprLine(null, false, hasCpr ? CPR_IN_SUPPORTFLOW : null);
        String handler = Optional.ofNullable(variables.get(Vars.CASE_HANDLER)).map(Object::toString).orElse(null);
        TicketDraft draft = builder.build(supportCase, variables, handler, cpr, attachments.listOf(supportCase));
        return TicketDraftText.renderWithin(draft, MAX_VARIABLE_LENGTH);
    }

    /**
     * In clear only when the caller has the case's analyseError or reportToMinSupport task;
     * otherwise masked, with the reason.
     */
    private TicketDraftBuilder.CprLine cprFor(SupportCase supportCase, String callerId) {
        String cpr = cases.cprInClear(supportCase);
        if (cpr == null) {
            return new TicketDraftBuilder.CprLine(null, false, null);
        }
        List<Task> tasks = supportCase.getProcessInstanceId() == null ? List.of()
                : taskService.createTaskQuery().processInstanceId(supportCase.getProcessInstanceId())
                        .taskDefinitionKeyIn(CPR_TASKS.toArray(String[]::new)).list();
        if (tasks.stream().anyMatch(task -> callerId.equals(task.getAssignee()))) {
            return new TicketDraftBuilder.CprLine(cpr, true, null);
        }
        String masked = Cpr.mask(cpr);
        if (tasks.isEmpty()) {
            return new TicketDraftBuilder.CprLine(masked, false, "CPR-nummeret vises kun for den, der har opgaven "
                    + "\"Analysér fejlen\" eller \"Indberet til MinSupport\", og sagen har ingen af dem åbne nu.");
        }
        Task task = tasks.get(0);
        if (tasks.stream().map(Task::getAssignee).allMatch(Objects::isNull)) {
            return new TicketDraftBuilder.CprLine(masked, false, "CPR-nummeret vises kun for den, der har taget opgaven \""
                    + task.getName() + "\". Tag opgaven i Tasklist, og hent udkastet igen.");
        }
        Task assigned = tasks.stream().filter(t -> t.getAssignee() != null).findFirst().orElseThrow();
        return new TicketDraftBuilder.CprLine(masked, false, "CPR-nummeret vises kun for " + people.displayName(assigned.getAssignee())
                + ", som har opgaven \"" + assigned.getName() + "\".");
    }

    /** The variables of the running process, or the last values of an ended one. */
    private Map<String, Object> variables(SupportCase supportCase) {
        String processInstanceId = supportCase.getProcessInstanceId();
        if (processInstanceId == null) {
            return Map.of();
        }
        if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            return runtimeService.getVariables(processInstanceId);
        }
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            if (variable.getValue() != null) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        return variables;
    }
}
