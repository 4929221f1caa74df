package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Remembers the supportberettiget who last took a task of the case: they "have the case". Their
 * name goes with it, for the forms that tell the reporter who asks.
 */
@Component(SupportCaseProcess.Beans.CASE_HANDLER_RECORDER)
public class CaseHandlerRecorder implements TaskListener {

    private final PeopleDirectory people;

    public CaseHandlerRecorder(PeopleDirectory people) {
        this.people = people;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null) {
            task.getExecution().getProcessInstance().setVariable(Vars.CASE_HANDLER, task.getAssignee());
            task.getExecution().getProcessInstance().setVariable(Vars.CASE_HANDLER_NAME, people.displayName(task.getAssignee()));
        }
    }
}
