package dk.supportflow.minsupport.draft;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import dk.supportflow.tasks.FormDisplay;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code reportToMinSupport}: puts the draft text, without the CPR number,
 * into the variable {@code minSupportDraft}, which the task form shows read-only. The full
 * draft, with the CPR number for the assignee, is {@code GET /api/cases/{caseNumber}/minsupport-draft}.
 */
@Component(SupportCaseProcess.Beans.MINSUPPORT_DRAFT_LISTENER)
public class MinSupportDraftListener implements TaskListener {

    private final MinSupportDrafts drafts;
    private final FormDisplay display;

    public MinSupportDraftListener(MinSupportDrafts drafts, FormDisplay display) {
        this.drafts = drafts;
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String text = drafts.textForTasklist(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                execution.getVariables());
        display.show(task, Vars.MINSUPPORT_DRAFT, text);
        // the phone just given on prepareMinSupportReport is in the profile now (HandlerPhoneListener)
        execution.getProcessInstance().removeVariable(Vars.HANDLER_PHONE);
    }
}
