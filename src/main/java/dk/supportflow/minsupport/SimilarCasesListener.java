package dk.supportflow.minsupport;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Create listener of prepareMinSupportReport: shows the analyst which MinSupport cases look the same. */
@Component(SupportCaseProcess.Beans.SIMILAR_CASES)
public class SimilarCasesListener implements TaskListener {

    private final SimilarMinSupportCases similarCases;

    public SimilarCasesListener(SimilarMinSupportCases similarCases) {
        this.similarCases = similarCases;
    }

    @Override
    public void notify(DelegateTask task) {
        var matches = similarCases.find(task.getExecution().getProcessBusinessKey(), (String) task.getVariable(Vars.TITLE),
                (String) task.getVariable(Vars.ACTUAL), (String) task.getVariable(Vars.COMPONENT),
                (String) task.getVariable(Vars.ERROR_CLASS));
        task.setVariable(Vars.SIMILAR_MINSUPPORT_CASES, SimilarMinSupportCases.asText(matches));
    }
}
