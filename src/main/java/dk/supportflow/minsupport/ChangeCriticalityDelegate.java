package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.CaseProgress;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ChangeCriticality: the supportberettiget changed the MinSupport case's criticality at a
 * follow-up (checked by {@link MinSupportRules}). The reason is kept on the case as case
 * information, and the new level is what the next follow-up timer waits by.
 */
@Component(SupportCaseProcess.Beans.CRITICALITY_CHANGE_RECORDER)
public class ChangeCriticalityDelegate implements JavaDelegate {

    private final SupportCaseService cases;
    private final CaseProgress progress;
    private final PeopleDirectory people;

    public ChangeCriticalityDelegate(SupportCaseService cases, CaseProgress progress, PeopleDirectory people) {
        this.cases = cases;
        this.progress = progress;
        this.people = people;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String from = (String) execution.getVariable(Vars.CRITICALITY);
        String to = (String) execution.getVariable(Vars.NEW_CRITICALITY);
        String reason = (String) execution.getVariable(Vars.CRITICALITY_CHANGE_REASON);
        String who = people.displayName((String) execution.getVariable(Vars.CASE_HANDLER));
        String caseNumber = cases.ofProcess(execution).getCaseNumber();
        String log = cases.recordInformation(caseNumber,
                who == null ? "Supportberettiget" : who,
                "Kritikaliteten i MinSupport er ændret fra " + MinSupportRules.CRITICALITIES.getOrDefault(from, from)
                        + " til " + MinSupportRules.CRITICALITIES.get(to) + ". Begrundelse: " + reason);
        execution.getProcessInstance().setVariable(Vars.CASE_INFORMATION, log);
        execution.setVariable(Vars.CRITICALITY, to);
        progress.rate(caseNumber, to);
        // the next follow-up starts with a clean choice
        execution.setVariable(Vars.CHANGE_CRITICALITY, false);
        execution.removeVariable(Vars.NEW_CRITICALITY);
        execution.removeVariable(Vars.CRITICALITY_CHANGE_REASON);
    }
}
