package dk.supportflow.cases;

import dk.supportflow.process.SupportCaseProcess;
import dk.supportflow.process.SupportCaseProcess.Vars;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The features' one way to the running processes of cases: messages to a case (new information,
 * a known error, MinSupport's answer or question), a note on its forms, and which of a list of
 * cases run now. The case is named by its number (the business key); which cases hold a
 * MinSupport case is read from their rows, not from the engine's variables.
 */
@Component
public class CaseProcesses {

    private final RuntimeService runtimeService;
    private final CaseProgress progress;

    CaseProcesses(RuntimeService runtimeService, CaseProgress progress) {
        this.runtimeService = runtimeService;
        this.progress = progress;
    }

    /**
     * Sends the message to the case's process with the variables (on the process) and local
     * variables (on the event's scope); false when the process does not wait for it now.
     */
    public boolean send(String caseNumber, String message, Map<String, Object> variables, Map<String, Object> localVariables) {
        // all (here: the one) waiting, none is no error: a failed engine command would mark the caller's transaction
        return !runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber)
                .setVariables(variables).setVariablesLocal(localVariables).correlateAllWithResult().isEmpty();
    }

    /**
     * Sends the message to every open case that follows this MinSupport case and waits for it;
     * the numbers of the cases it reached, sorted.
     */
    public List<String> sendToMinSupportCase(String minSupportCaseNumber, String message, Map<String, Object> variables) {
        return casesWithMinSupportCase(minSupportCaseNumber).stream()
                .filter(caseNumber -> send(caseNumber, message, variables, Map.of())).sorted().toList();
    }

    /** The open cases that follow this MinSupport case, whether or not they wait for its answer now. */
    public List<String> casesWithMinSupportCase(String minSupportCaseNumber) {
        return progress.openCasesWithMinSupport().stream().filter(row -> minSupportCaseNumber.equals(row.getMinSupportCaseNumber()))
                .map(SupportCase::getCaseNumber).toList();
    }

    /** Shows a notice about a known error on the forms of the case, if its process still runs. */
    public void noteKnownError(SupportCase supportCase, String notice) {
        String processInstanceId = supportCase.getProcessInstanceId();
        if (processInstanceId != null && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1) {
            runtimeService.setVariable(processInstanceId, Vars.KNOWN_ERROR_NOTICE, notice);
        }
    }

    /** Of these rows, the ones whose process runs and is not suspended. */
    public List<SupportCase> active(Collection<SupportCase> rows) {
        List<SupportCase> withProcess = rows.stream().filter(row -> row.getProcessInstanceId() != null).toList();
        if (withProcess.isEmpty()) {
            return List.of();
        }
        Set<String> active = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportCaseProcess.PROCESS_KEY)
                .processInstanceIds(withProcess.stream().map(SupportCase::getProcessInstanceId).collect(Collectors.toSet()))
                .active().list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        return withProcess.stream().filter(row -> active.contains(row.getProcessInstanceId())).toList();
    }
}
