package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * triageMail, complete (after the validator): a CPR number typed in the triage is encrypted on
 * the case row and leaves the process variables in the transaction that brought it, as one given
 * at the start does (CaseIntakeListener). It cannot wait for the asynchronous Task_ApplyTriage:
 * it would be committed as a variable until then.
 */
@Component(SupportCaseProcess.Beans.TRIAGE_CPR)
class TriageCprListener implements TaskListener {

    private final SupportCaseService cases;

    TriageCprListener(SupportCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        Object cpr = task.getVariable(Vars.CPR);
        while (task.hasVariable(Vars.CPR)) {
            task.removeVariable(Vars.CPR);
        }
        if (cpr != null && !cpr.toString().isBlank()) {
            cases.registerCpr((String) task.getVariable(Vars.CASE_NUMBER), task.getProcessInstanceId(), cpr.toString());
            // the forms' "Oplyst af indberetter", as for a number given at the start
            task.getExecution().setVariable(Vars.CPR_REGISTERED, true);
        }
    }
}
