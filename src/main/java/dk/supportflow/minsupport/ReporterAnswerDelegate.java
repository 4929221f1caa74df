package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.CaseDialogue;
import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.process.SupportCaseProcess;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The reporter answered MinSupport's question: kept in the case's dialogue (shown on the next
 * follow-up) and mailed to the supportberettiget who has the case, who passes it on in MinSupport.
 */
@Component(SupportCaseProcess.Beans.PASS_ON_REPORTER_ANSWER)
public class ReporterAnswerDelegate implements JavaDelegate {

    private final SupportCaseService cases;
    private final CaseDialogue dialogue;
    private final MinSupportMails mails;

    public ReporterAnswerDelegate(SupportCaseService cases, CaseDialogue dialogue, MinSupportMails mails) {
        this.cases = cases;
        this.dialogue = dialogue;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportCase supportCase = cases.ofProcess(execution);
        String answer = (String) execution.getVariable(Vars.REPORTER_ANSWER);
        execution.getProcessInstance().setVariable(Vars.MINSUPPORT_DIALOGUE, dialogue.reporterAnswered(supportCase, answer));
        mails.reporterAnsweredMinSupport(supportCase.getCaseNumber(), supportCase.getTitle(),
                Optional.ofNullable((String) execution.getVariable(Vars.CASE_HANDLER)), supportCase.getReporter(),
                (String) execution.getVariable(Vars.MINSUPPORT_CASE_NUMBER), answer);
    }
}
