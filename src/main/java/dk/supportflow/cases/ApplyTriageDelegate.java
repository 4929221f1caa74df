package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplyTriage: the report as triageMail completed it goes to the case row. */
@Component(SupportCaseProcess.Beans.APPLY_TRIAGE)
class ApplyTriageDelegate implements JavaDelegate {

    private final SupportCaseService cases;

    ApplyTriageDelegate(SupportCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.applyTriage((String) execution.getVariable(Vars.CASE_NUMBER), TriageRules.report(name -> {
            Object value = execution.getVariable(name);
            return value == null || value.toString().isBlank() ? null : value.toString();
        }));
    }
}
