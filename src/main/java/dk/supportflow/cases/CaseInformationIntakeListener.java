package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_CaseInformationAdded}: keeps the information the message
 * carried in the case's table while the message is being correlated, whoever sent it (our API or
 * the engine REST API), and takes the variables away again. The variables of two messages sent
 * before the job runs would otherwise overwrite each other.
 */
@Component(SupportCaseProcess.Beans.CASE_INFORMATION_INTAKE)
public class CaseInformationIntakeListener implements ExecutionListener {

    private final SupportCaseService cases;

    public CaseInformationIntakeListener(SupportCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object source = execution.getVariable(Vars.INFORMATION_SOURCE);
        Object text = execution.getVariable(Vars.INFORMATION_TEXT);
        execution.removeVariable(Vars.INFORMATION_SOURCE);
        execution.removeVariable(Vars.INFORMATION_TEXT);
        if (text != null && !text.toString().isBlank()) {
            cases.receiveInformation(cases.ofProcess(execution).getCaseNumber(),
                    source == null || source.toString().isBlank() ? "Ukendt kilde" : source.toString().strip(),
                    text.toString().strip());
        }
    }
}
