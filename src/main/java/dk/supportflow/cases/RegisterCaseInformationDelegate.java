package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the supportberettiget who has the case about the information that reached it and
 * nobody has been told about yet (kept by {@link CaseInformationIntakeListener}), each piece
 * once, and shows the log on the open task's form (the variable {@code caseInformation}). Two
 * events before the first job runs: the first job tells both, the second finds nothing new.
 */
@Component(SupportCaseProcess.Beans.REGISTER_CASE_INFORMATION)
public class RegisterCaseInformationDelegate implements JavaDelegate {

    private final SupportCaseService supportCaseService;
    private final CaseMails mails;

    public RegisterCaseInformationDelegate(SupportCaseService supportCaseService, CaseMails mails) {
        this.supportCaseService = supportCaseService;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = supportCaseService.ofProcess(execution).getCaseNumber();
        for (CaseInformation entry : supportCaseService.informationToNotify(caseNumber)) {
            mails.informationAdded(caseNumber, (String) execution.getVariable(Vars.TITLE),
                    Optional.ofNullable((String) execution.getVariable(Vars.CASE_HANDLER)), entry.getSource(), entry.getText());
        }
        execution.getProcessInstance().setVariable(Vars.CASE_INFORMATION, supportCaseService.informationLog(caseNumber));
    }
}
