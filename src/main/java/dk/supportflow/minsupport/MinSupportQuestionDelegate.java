package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.CaseDialogue;
import dk.supportflow.cases.CaseReporter;
import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** MinSupport asked something only the reporter can answer: kept in the case's dialogue and mailed to the reporter. */
@Component(SupportCaseProcess.Beans.PASS_ON_MINSUPPORT_QUESTION)
public class MinSupportQuestionDelegate implements JavaDelegate {

    private final SupportCaseService cases;
    private final CaseDialogue dialogue;
    private final CaseReporter reporter;
    private final MinSupportMails mails;

    public MinSupportQuestionDelegate(SupportCaseService cases, CaseDialogue dialogue, CaseReporter reporter, MinSupportMails mails) {
        this.cases = cases;
        this.dialogue = dialogue;
        this.reporter = reporter;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportCase supportCase = cases.ofProcess(execution);
        String question = (String) execution.getVariable(Vars.MINSUPPORT_QUESTION);
        execution.getProcessInstance().setVariable(Vars.MINSUPPORT_DIALOGUE, dialogue.minSupportAsked(supportCase, question));
        mails.minSupportQuestion(supportCase.getCaseNumber(), supportCase.getTitle(), reporter.of(execution), question);
        // passed on: the next follow-up starts with an empty choice
        execution.getProcessInstance().setVariable(Vars.MINSUPPORT_ASKS, false);
    }
}
