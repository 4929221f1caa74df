package dk.supportflow.meetings;

import static dk.supportflow.process.GangmoedeProcess.Vars;

import dk.supportflow.platform.ClockConfig;
import dk.supportflow.process.GangmoedeProcess;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the planned gangmøde and invites every sagsbehandler; the record task waits for its end. */
@Component(GangmoedeProcess.Beans.SEND_INVITATIONS)
public class SendInvitationsDelegate implements JavaDelegate {

    private final MeetingPlans plans;
    private final GangmoedePlanning planning;

    public SendInvitationsDelegate(MeetingPlans plans, GangmoedePlanning planning) {
        this.plans = plans;
        this.planning = planning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeetingPlan plan = plans.read(execution::getVariable).plan();
        if (plan == null) {
            throw new IllegalStateException("planGangmoede was completed without a readable date, time and length");
        }
        Gangmoede gangmoede = planning.plan(execution.getProcessInstanceId(), plan,
                (String) execution.getVariable(Vars.PLANNED_BY));
        execution.setVariable(Vars.GANGMOEDE_ID, gangmoede.getId());
        execution.setVariable(Vars.MEETING_END, DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(OffsetDateTime.ofInstant(gangmoede.getEndsAt(), ClockConfig.ZONE)));
        execution.setVariable(Vars.MEETING_SUMMARY, GangmoedeMails.when(gangmoede)
                + (gangmoede.getPlace() == null ? "" : ", " + gangmoede.getPlace()));
        execution.setVariable(Vars.TITLE, "Gangmøde " + GangmoedeMails.when(gangmoede));
    }
}
