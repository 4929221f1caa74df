package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the answer to the reporter, whether it was found locally or came from MinSupport. */
@Component(SupportCaseProcess.Beans.MAIL_ANSWER)
public class MailAnswerDelegate implements JavaDelegate {

    private final CaseMails mails;
    private final CaseReporter reporter;
    private final SupportCaseService cases;

    public MailAnswerDelegate(CaseMails mails, CaseReporter reporter, SupportCaseService cases) {
        this.mails = mails;
        this.reporter = reporter;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = (String) execution.getVariable(Vars.CHANGE_REQUEST_OUTCOME);
        mails.answer(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.TITLE),
                reporter.of(execution), cases.ofProcess(execution).isError(), (String) execution.getVariable(Vars.ANSWER),
                decision == null ? null : SupportCaseProcess.ChangeRequestOutcomes.NAMES.get(decision));
    }
}
