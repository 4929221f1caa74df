package dk.supportflow.analysis;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCaseProcess;
import dk.supportflow.notification.CaseMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the analyst's question to the reporter, who then has the task provideMoreInfo. */
@Component(SupportCaseProcess.Beans.MAIL_QUESTION)
public class MailQuestionDelegate implements JavaDelegate {

    private final CaseMails mails;

    public MailQuestionDelegate(CaseMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.question(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.TITLE),
                (String) execution.getVariable(Vars.REPORTER), (String) execution.getVariable(Vars.QUESTION));
    }
}
