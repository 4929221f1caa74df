package dk.supportflow.meetings;

import static dk.supportflow.process.GangmoedeProcess.Tasks;
import static dk.supportflow.process.GangmoedeProcess.Vars;

import dk.supportflow.tasks.TaskInput;
import dk.supportflow.tasks.TaskRules;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Completion rules of the gangmøde tasks: a plan that can be sent, a record of who came and what was agreed. */
@Component
public class GangmoedeRules implements TaskRules {

    private final MeetingPlans plans;

    public GangmoedeRules(MeetingPlans plans) {
        this.plans = plans;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(Tasks.PLAN, Tasks.RECORD);
    }

    @Override
    public void check(String taskKey, TaskInput input) {
        if (Tasks.PLAN.equals(taskKey)) {
            plans.read(input::text).problems().forEach(input::problem);
        } else {
            input.requireText(Vars.ATTENDEES, TaskInput.MAX_TEXT, "Skriv, hvem der deltog.");
            input.requireText(Vars.AGREEMENTS, TaskInput.MAX_TEXT, "Skriv, hvad I aftalte.");
        }
    }
}
