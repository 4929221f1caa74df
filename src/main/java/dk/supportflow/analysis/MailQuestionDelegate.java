package dk.supportflow.analysis;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.CaseReporter;
import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the analyst's question to the reporter, who then has the task provideMoreInfo. */
@Component(SupportCaseProcess.Beans.MAIL_QUESTION)
public class MailQuestionDelegate implements JavaDelegate {

    private final AnalysisMails mails;
    private final CaseReporter reporter;

    public MailQuestionDelegate(AnalysisMails mails, CaseReporter reporter) {
        this.mails = mails;
        this.reporter = reporter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.question(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.TITLE),
                reporter.of(execution), (String) execution.getVariable(Vars.QUESTION));
    }
}
