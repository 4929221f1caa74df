package dk.supportflow.meetings;

import static dk.supportflow.process.GangmoedeProcess.Tasks;
import static dk.supportflow.process.GangmoedeProcess.Vars;

import dk.supportflow.process.GangmoedeProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Notes who planned or recorded the gangmøde: the invitation is sent in their name. */
@Component(GangmoedeProcess.Beans.COMPLETED_BY)
public class CompletedByRecorder implements TaskListener {

    private final IdentityService identityService;

    public CompletedByRecorder(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        String who = task.getAssignee() != null ? task.getAssignee()
                : current != null ? current.getUserId() : "ukendt";
        task.setVariable(Tasks.PLAN.equals(task.getTaskDefinitionKey()) ? Vars.PLANNED_BY : Vars.RECORDED_BY, who);
    }
}
