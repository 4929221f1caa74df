package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Records on the case row what the process has decided: the error class when analyseError is
 * completed, the MinSupport case number when the report is prepared (following an existing case)
 * or reported, the criticality when the report is prepared (behind the validator, which has
 * checked and normalised them; ChangeCriticalityDelegate records a change); at the start and end
 * of SubProcess_AwaitMinSupport whether it waits on MinSupport. Only those tasks: a variable of
 * the same name sent with any other task (the reporter's, say) never reaches the row.
 */
@Component(SupportCaseProcess.Beans.CASE_PROGRESS_RECORDER)
public class CaseProgressRecorder implements TaskListener, ExecutionListener {

    private final CaseProgress progress;

    public CaseProgressRecorder(CaseProgress progress) {
        this.progress = progress;
    }

    private static final Set<String> DECIDE_ERROR_CLASS = Set.of(Tasks.ANALYSE_ERROR);
    private static final Set<String> DECIDE_MINSUPPORT_CASE = Set.of(Tasks.PREPARE_MINSUPPORT_REPORT, Tasks.REPORT_TO_MINSUPPORT);
    private static final Set<String> DECIDE_CRITICALITY = Set.of(Tasks.PREPARE_MINSUPPORT_REPORT);

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        DelegateExecution execution = task.getExecution();
        progress.follow(execution.getProcessBusinessKey(),
                DECIDE_ERROR_CLASS.contains(key) ? (String) execution.getVariable(Vars.ERROR_CLASS) : null,
                DECIDE_MINSUPPORT_CASE.contains(key) ? (String) execution.getVariable(Vars.MINSUPPORT_CASE_NUMBER) : null,
                DECIDE_CRITICALITY.contains(key) ? (String) execution.getVariable(Vars.CRITICALITY) : null);
    }

    @Override
    public void notify(DelegateExecution execution) {
        progress.awaitMinSupport(execution.getProcessBusinessKey(), EVENTNAME_START.equals(execution.getEventName()),
                ClockUtil.getCurrentTime().toInstant());
    }
}
