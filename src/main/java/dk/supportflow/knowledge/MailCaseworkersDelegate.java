package dk.supportflow.knowledge;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shares the answer with every caseworker (sagsbehandlere). */
@Component(SupportCaseProcess.Beans.MAIL_CASEWORKERS)
public class MailCaseworkersDelegate implements JavaDelegate {

    private final KnowledgeMails mails;

    public MailCaseworkersDelegate(KnowledgeMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.shareWithCaseworkers(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.TITLE),
                (String) execution.getVariable(Vars.SHARE_MESSAGE), (String) execution.getVariable(Vars.ANSWER));
    }
}
