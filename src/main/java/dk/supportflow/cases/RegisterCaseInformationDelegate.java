package dk.supportflow.cases;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import dk.supportflow.notification.CaseMails;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Keeps new information on the case, shows it on the open task's form (the variable
 * {@code caseInformation}) and tells the supportberettiget who has the case.
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
        String source = (String) execution.getVariable(Vars.INFORMATION_SOURCE);
        String text = (String) execution.getVariable(Vars.INFORMATION_TEXT);
        String log = supportCaseService.recordInformation(caseNumber, source == null ? "Ukendt kilde" : source, text);
        execution.getProcessInstance().setVariable(Vars.CASE_INFORMATION, log);
        mails.informationAdded(caseNumber, (String) execution.getVariable(Vars.TITLE),
                Optional.ofNullable((String) execution.getVariable(Vars.CASE_HANDLER)),
                source == null ? "Ukendt kilde" : source, text);
    }
}
