package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import dk.supportflow.tasks.FormDisplay;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Create listener of prepareMinSupportReport: shows the analyst which MinSupport cases look the
 * same. A help, never a condition: when the search fails, the escalation goes on without it.
 */
@Component(SupportCaseProcess.Beans.SIMILAR_CASES)
public class SimilarCasesListener implements TaskListener {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarCasesListener.class);

    private final SimilarMinSupportCases similarCases;
    private final FormDisplay display;

    public SimilarCasesListener(SimilarMinSupportCases similarCases, FormDisplay display) {
        this.similarCases = similarCases;
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        String text = "";
        try {
            text = SimilarMinSupportCases.asText(similarCases.find(task.getExecution().getProcessBusinessKey(),
                    (String) task.getVariable(Vars.TITLE), (String) task.getVariable(Vars.ACTUAL),
                    (String) task.getVariable(Vars.COMPONENT), (String) task.getVariable(Vars.ERROR_CLASS)));
        } catch (RuntimeException e) {
            // the type only: the search's message may quote the case's text
            LOG.warn("No similar MinSupport cases for case {}: the search failed ({})",
                    task.getExecution().getProcessBusinessKey(), e.getClass().getSimpleName());
        }
        display.show(task, Vars.SIMILAR_MINSUPPORT_CASES, text);
    }
}
