package dk.supportflow.cases;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Remembers the supportberettiget who last took a task of the case: they "have the case". */
@Component(SupportCaseProcess.Beans.CASE_HANDLER_RECORDER)
public class CaseHandlerRecorder implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null) {
            task.getExecution().getProcessInstance().setVariable(Vars.CASE_HANDLER, task.getAssignee());
        }
    }
}
