package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts the follow-up and reminds the supportberettigede to look at the MinSupport case. */
@Component(SupportCaseProcess.Beans.MAIL_FOLLOW_UP_REMINDER)
public class MailFollowUpReminderDelegate implements JavaDelegate {

    private final MinSupportMails mails;

    public MailFollowUpReminderDelegate(MinSupportMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Number previous = (Number) execution.getVariable(Vars.FOLLOW_UP_COUNT);
        int count = previous == null ? 1 : previous.intValue() + 1;
        String criticality = (String) execution.getVariable(Vars.CRITICALITY);
        mails.followUpReminder(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.TITLE),
                (String) execution.getVariable(Vars.MINSUPPORT_CASE_NUMBER),
                MinSupportRules.CRITICALITIES.getOrDefault(criticality, criticality), count);
        execution.setVariable(Vars.FOLLOW_UP_COUNT, count);
    }
}
