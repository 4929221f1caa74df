package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the case and keeps it as a solved case for later search. */
@Component(SupportCaseProcess.Beans.CLOSE_CASE)
public class CloseCaseDelegate implements JavaDelegate {

    private final SupportCaseService supportCaseService;

    public CloseCaseDelegate(SupportCaseService supportCaseService) {
        this.supportCaseService = supportCaseService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        supportCaseService.close(supportCaseService.ofProcess(execution).getCaseNumber(),
                (String) execution.getVariable(Vars.ERROR_CLASS),
                (String) execution.getVariable(Vars.OUTCOME), (String) execution.getVariable(Vars.ANSWER),
                (String) execution.getVariable(Vars.MINSUPPORT_CASE_NUMBER));
    }
}
