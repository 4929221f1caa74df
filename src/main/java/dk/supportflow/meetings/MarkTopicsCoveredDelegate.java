package dk.supportflow.meetings;

import static dk.supportflow.process.GangmoedeProcess.Vars;

import dk.supportflow.process.GangmoedeProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the held gangmøde; its topics are covered from then on and their effect can be measured. */
@Component(GangmoedeProcess.Beans.MARK_TOPICS_COVERED)
public class MarkTopicsCoveredDelegate implements JavaDelegate {

    private final GangmoedePlanning planning;

    public MarkTopicsCoveredDelegate(GangmoedePlanning planning) {
        this.planning = planning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        planning.record((Long) execution.getVariable(Vars.GANGMOEDE_ID), (String) execution.getVariable(Vars.ATTENDEES),
                (String) execution.getVariable(Vars.AGREEMENTS), (String) execution.getVariable(Vars.RECORDED_BY));
    }
}
