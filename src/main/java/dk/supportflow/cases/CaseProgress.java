package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the case row in step with its process: the error class, MinSupport case number and
 * criticality when the task that decides them is completed, the stage it is in, and since when it
 * waits on MinSupport. The row is what lists and counts of cases read (similar MinSupport cases,
 * known-error matching, the case view, metrics), not the engine's variables.
 */
@Service
public class CaseProgress {

    private static final Logger LOG = LoggerFactory.getLogger(CaseProgress.class);

    private final SupportCaseRepository cases;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    public CaseProgress(SupportCaseRepository cases, RuntimeService runtimeService, HistoryService historyService) {
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    @Transactional
    public void follow(String caseNumber, String errorClass, String minSupportCaseNumber, String criticality) {
        cases.findByCaseNumber(caseNumber).ifPresent(row -> {
            row.follow(errorClass, minSupportCaseNumber);
            if (criticality != null) {
                row.rate(criticality);
            }
        });
    }

    /** The criticality of the MinSupport case changed. */
    @Transactional
    public void rate(String caseNumber, String criticality) {
        cases.findByCaseNumber(caseNumber).ifPresent(row -> row.rate(criticality));
    }

    @Transactional
    public void awaitMinSupport(String caseNumber, boolean awaiting, Instant since) {
        cases.findByCaseNumber(caseNumber).ifPresent(row -> row.awaitMinSupport(awaiting, since));
    }

    /** The case entered an activity of this stage; a closed case stays closed. */
    @Transactional
    public void enter(String caseNumber, CaseStage stage) {
        cases.findByCaseNumber(caseNumber).filter(row -> !row.isClosed() && row.getStage() != stage)
                .ifPresent(row -> row.enter(stage));
    }

    private static List<Object> state(SupportCase row) {
        return Arrays.asList(row.getErrorClass(), row.getMinSupportCaseNumber(), row.isAwaitingMinSupport(),
                row.getAwaitingSince(), row.getCriticality(), row.hasStage());
    }

    /** Since when the case waits on MinSupport, or null when it does not wait now. */
    private Instant awaitingSince(String processInstanceId) {
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        if (tree == null || tree.getActivityInstances(SupportCaseProcess.Elements.SUBPROCESS_AWAIT_MINSUPPORT).length == 0) {
            return null;
        }
        HistoricActivityInstance wait = historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(SupportCaseProcess.Elements.SUBPROCESS_AWAIT_MINSUPPORT).unfinished().singleResult();
        return wait == null ? Instant.now() : wait.getStartTime().toInstant();
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
     * were running before the row followed the process): decided values, stage, and the wait on MinSupport.
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
                .variableNameIn(Vars.ERROR_CLASS, Vars.MINSUPPORT_CASE_NUMBER, Vars.CRITICALITY).disableBinaryFetching().list()) {
            if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getValue() != null) {
                variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        int refreshed = 0;
        for (Map.Entry<String, SupportCase> entry : byProcess.entrySet()) {
            Map<String, Object> values = variables.getOrDefault(entry.getKey(), Map.of());
            SupportCase row = entry.getValue();
            List<Object> before = state(row);
            // only what the row is missing, and a MinSupport number only from a case that waits on it
            // (reported): a value once recorded came from the task that decides it
            Instant since = values.get(Vars.MINSUPPORT_CASE_NUMBER) == null ? null : awaitingSince(entry.getKey());
            boolean awaiting = since != null;
            row.follow(row.getErrorClass() == null ? (String) values.get(Vars.ERROR_CLASS) : null,
                    row.getMinSupportCaseNumber() == null && awaiting ? (String) values.get(Vars.MINSUPPORT_CASE_NUMBER) : null);
            if (row.getCriticality() == null && values.get(Vars.CRITICALITY) != null) {
                row.rate((String) values.get(Vars.CRITICALITY));
            }
            if (row.isAwaitingMinSupport() != awaiting || row.getAwaitingSince() == null) {
                row.awaitMinSupport(awaiting, since);
            }
            if (!row.hasStage()) {
                row.enter(CaseStage.of(runtimeService.getActiveActivityIds(entry.getKey())));
            }
            if (!before.equals(state(row))) {
                refreshed++;
            }
        }
        if (refreshed > 0) {
            LOG.info("{} open cases brought in step with their processes", refreshed);
        }
        return refreshed;
    }
}
