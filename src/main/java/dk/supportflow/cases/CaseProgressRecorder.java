package dk.supportflow.cases;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records on the case row what the process has decided: after every completed user task (behind
 * the validator) its error class and MinSupport case number; at the start and end of
 * SubProcess_AwaitMinSupport whether it waits on MinSupport.
 */
@Component(SupportCaseProcess.Beans.CASE_PROGRESS_RECORDER)
public class CaseProgressRecorder implements TaskListener, ExecutionListener {

    private final CaseProgress progress;

    public CaseProgressRecorder(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        progress.follow(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.ERROR_CLASS),
                (String) execution.getVariable(Vars.MINSUPPORT_CASE_NUMBER));
    }

    @Override
    public void notify(DelegateExecution execution) {
        progress.awaitMinSupport(execution.getProcessBusinessKey(), EVENTNAME_START.equals(execution.getEventName()));
    }
}
