package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report's texts and the case information as Camunda holds them: process variables, which
 * the task forms show, and their history, which keeps every value they ever had. The CPR number
 * is never among them (see CaseIntakeListener); the texts are CPR-masked but may still describe
 * the citizen.
 */
@Component
class CaseProcessData {

    /**
     * Free texts: replaced by the placeholder on a running case, so the forms say why they are
     * empty (and information still waiting for its job is recorded as the placeholder).
     */
    static final List<String> TEXTS = List.of(Vars.WORKING_ON, Vars.STEPS_TAKEN, Vars.EXPECTED, Vars.ACTUAL,
            Vars.TRIED_SO_FAR, Vars.ERROR_MESSAGE, Vars.ADDITIONAL_INFO, Vars.CASE_INFORMATION,
            Vars.INFORMATION_SOURCE, Vars.INFORMATION_TEXT, Vars.MINSUPPORT_DRAFT, Vars.KNOWN_ERROR_SUGGESTIONS,
            Vars.KNOWLEDGE_SUGGESTIONS, Vars.OTHER_CASES_AFFECTED, Vars.MINSUPPORT_QUESTION, Vars.REPORTER_ANSWER,
            Vars.MINSUPPORT_DIALOGUE, Vars.QUESTION, Vars.ANSWER, Vars.MINSUPPORT_ANSWER, Vars.SHARE_MESSAGE,
            Vars.CRITICALITY_JUSTIFICATION, Vars.CRITICALITY_CHANGE_REASON, Vars.SIMILAR_MINSUPPORT_CASES);
    /** References into KP: removed. */
    static final List<String> REFERENCES = List.of(Vars.KP_CASE_ID, Vars.KP_TASK_KEY, Vars.KP_TASK_ID, Vars.AVAILABLE_DATE);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    CaseProcessData(RuntimeService runtimeService, TaskService taskService, HistoryService historyService, ProcessEngine engine) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /**
     * Erases the texts from a running or ended process. A running process keeps running: its text
     * variables are removed (with their history) and set again to the placeholder. A variable
     * that is still in use at runtime keeps its history, since Camunda updates that row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void erase(String processInstanceId, String placeholder) {
        if (processInstanceId == null) {
            return;
        }
        // comments people wrote on the case's tasks may describe the citizen; the public API
        // deletes them only while the instance runs, so the comment table is asked directly
        engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
            commandContext.getCommentManager().deleteCommentsByProcessInstanceIds(List.of(processInstanceId));
            return null;
        });
        boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        Map<String, Object> replacements = new LinkedHashMap<>();
        if (running) {
            Map<String, Object> current = runtimeService.getVariables(processInstanceId,
                    Stream.concat(TEXTS.stream(), REFERENCES.stream()).toList());
            current.forEach((name, value) -> {
                if (TEXTS.contains(name) && value != null) {
                    replacements.put(name, placeholder);
                }
            });
            runtimeService.removeVariables(processInstanceId, current.keySet());
            replacements.put(Vars.CPR_REGISTERED, false);
        }
        List<String> names = new ArrayList<>(TEXTS);
        names.addAll(REFERENCES);
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableNameIn(names.toArray(String[]::new))
                .includeDeleted().list()) {
            if (!running || runtimeService.createVariableInstanceQuery().variableId(variable.getId()).count() == 0) {
                historyService.deleteHistoricVariableInstance(variable.getId());
            }
        }
        if (running) {
            runtimeService.setVariables(processInstanceId, replacements);
            // what an open task's form shows of this case (task-local, tasks.FormDisplay) goes too
            for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
                taskService.removeVariablesLocal(task.getId(), Vars.FORM_DISPLAY);
            }
        }
    }
}
