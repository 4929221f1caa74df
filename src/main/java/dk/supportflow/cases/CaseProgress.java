package dk.supportflow.cases;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the case row in step with its process: the error class and MinSupport case number when a
 * task is completed, and whether the case waits on MinSupport. The row is what lists of open cases
 * read (similar MinSupport cases, known-error matching), not the engine's variables.
 */
@Service
public class CaseProgress {

    private static final Logger LOG = LoggerFactory.getLogger(CaseProgress.class);

    private final SupportCaseRepository cases;
    private final RuntimeService runtimeService;

    public CaseProgress(SupportCaseRepository cases, RuntimeService runtimeService) {
        this.cases = cases;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public void follow(String caseNumber, String errorClass, String minSupportCaseNumber) {
        cases.findByCaseNumber(caseNumber).ifPresent(row -> row.follow(errorClass, minSupportCaseNumber));
    }

    @Transactional
    public void awaitMinSupport(String caseNumber, boolean awaiting) {
        cases.findByCaseNumber(caseNumber).ifPresent(row -> row.awaitMinSupport(awaiting));
    }

    private boolean awaitsMinSupport(String processInstanceId) {
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        return tree != null && tree.getActivityInstances(SupportCaseProcess.Elements.SUBPROCESS_AWAIT_MINSUPPORT).length > 0;
    }

    /** Open cases as the rows have them. */
    @Transactional(readOnly = true)
    public List<SupportCase> openCases() {
        return cases.findByClosedAtIsNullOrderByCaseNumberAsc();
    }

    /** Open cases that have a MinSupport case. */
    @Transactional(readOnly = true)
    public List<SupportCase> openCasesWithMinSupport() {
        return cases.findByClosedAtIsNullAndMinSupportCaseNumberIsNotNullOrderByCaseNumberAsc();
    }

    /**
     * At start-up, fills in what the rows of running cases miss from their processes (cases that
     * were running before the row followed the process) and whether they wait on MinSupport.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public int refreshOpenCases() {
        List<SupportCase> open = openCases();
        Map<String, SupportCase> byProcess = new HashMap<>();
        open.stream().filter(row -> row.getProcessInstanceId() != null).forEach(row -> byProcess.put(row.getProcessInstanceId(), row));
        if (byProcess.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(byProcess.keySet().toArray(String[]::new))
                .variableNameIn(Vars.ERROR_CLASS, Vars.MINSUPPORT_CASE_NUMBER).disableBinaryFetching().list()) {
            if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getValue() != null) {
                variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        int refreshed = 0;
        for (Map.Entry<String, SupportCase> entry : byProcess.entrySet()) {
            Map<String, Object> values = variables.getOrDefault(entry.getKey(), Map.of());
            SupportCase row = entry.getValue();
            List<Object> before = Arrays.asList(row.getErrorClass(), row.getMinSupportCaseNumber(), row.isAwaitingMinSupport());
            // only what the row is missing, and a MinSupport number only from a case that waits on it
            // (reported): a value once recorded came from the task that decides it
            boolean awaiting = values.get(Vars.MINSUPPORT_CASE_NUMBER) != null && awaitsMinSupport(entry.getKey());
            row.follow(row.getErrorClass() == null ? (String) values.get(Vars.ERROR_CLASS) : null,
                    row.getMinSupportCaseNumber() == null && awaiting ? (String) values.get(Vars.MINSUPPORT_CASE_NUMBER) : null);
            row.awaitMinSupport(awaiting);
            if (!before.equals(Arrays.asList(row.getErrorClass(), row.getMinSupportCaseNumber(), row.isAwaitingMinSupport()))) {
                refreshed++;
            }
        }
        if (refreshed > 0) {
            LOG.info("{} open cases brought in step with their processes", refreshed);
        }
        return refreshed;
    }
}
