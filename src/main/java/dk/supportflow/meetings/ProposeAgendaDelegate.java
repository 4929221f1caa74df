package dk.supportflow.meetings;

import static dk.supportflow.process.GangmoedeProcess.Vars;

import dk.supportflow.process.GangmoedeProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a planning round with the open topics as the proposed agenda; with no open topics, or
 * while another round waits for its planner (which will see the new topics too), there is
 * nothing to plan.
 */
@Component(GangmoedeProcess.Beans.PROPOSE_AGENDA)
public class ProposeAgendaDelegate implements JavaDelegate {

    static final int DEFAULT_MINUTES = 15;

    private final GangmoedeAgenda agendas;
    private final GangmoedePlanning planning;

    public ProposeAgendaDelegate(GangmoedeAgenda agendas, GangmoedePlanning planning) {
        this.agendas = agendas;
        this.planning = planning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        GangmoedeAgenda.Agenda agenda = agendas.propose();
        boolean needed = !agenda.topics().isEmpty() && !planning.anotherRoundBeingPlanned(execution.getProcessInstanceId());
        execution.setVariable(Vars.PLANNING_NEEDED, needed);
        if (needed) {
            execution.setVariable(Vars.TITLE, "Planlæg gangmøde: " + agenda.topics().size()
                    + (agenda.topics().size() == 1 ? " emne" : " emner"));
            execution.setVariable(Vars.AGENDA, agenda.text());
            execution.setVariable(Vars.TOPIC_IDS, agenda.topicIds());
            execution.setVariable(Vars.DURATION_MINUTES, DEFAULT_MINUTES);
        }
    }
}
