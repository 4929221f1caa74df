package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.process.SupportCaseProcess;
import dk.supportflow.tasks.FormDisplay;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * MinSupport asks for the reporting user's phone, and it belongs in the person's profile, not on
 * each case. When prepareMinSupportReport is created, the form learns whether the case handler
 * has none; a number given on completion (checked by MinSupportRules) is kept in the profile of
 * the person who completed the task, so it is asked for once.
 */
@Component(SupportCaseProcess.Beans.HANDLER_PHONE)
public class HandlerPhoneListener implements TaskListener {

    private final PeopleDirectory people;
    private final FormDisplay display;

    public HandlerPhoneListener(PeopleDirectory people, FormDisplay display) {
        this.people = people;
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Object handler = task.getVariable(Vars.CASE_HANDLER);
            display.show(task, Vars.HANDLER_PHONE_MISSING, handler == null || people.phoneOf(handler.toString()).isEmpty());
            return;
        }
        Object phone = task.getVariable(Vars.HANDLER_PHONE);
        if (phone != null && !phone.toString().isBlank() && task.getAssignee() != null) {
            people.setPhone(task.getAssignee(), phone.toString().strip());
        }
        // the profile holds it from now on; handlerPhone stays only until the draft of
        // reportToMinSupport is made in this same transaction (MinSupportDraftListener removes it),
        // as the profile's new row cannot be read back before it is written
        task.getExecution().getProcessInstance().removeVariable(Vars.HANDLER_PHONE_MISSING);
    }
}
