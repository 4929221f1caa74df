package dk.supportflow.analysis;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of analyseError: a new round of analysis (after the reporter answered a
 * question) starts without the previous decision, so the form does not offer "Mangler
 * oplysninger" again by accident. The question and answer stay visible as history on the form.
 */
@Component(SupportCaseProcess.Beans.ANALYSIS_RESET)
public class AnalysisReset implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().removeVariable(Vars.OUTCOME);
    }
}
