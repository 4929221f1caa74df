package dk.supportflow.cases;

import dk.supportflow.process.SupportCaseProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the case row's stage where the process is: every activity of a {@link CaseStage} records
 * its stage when it starts. Added to the deployed supportCase process by the engine
 * (built-in listeners, so a process instance modification that skips custom listeners moves the
 * row too), not written into the BPMN by hand.
 */
@Component
public class CaseStageRecorder extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseProgress> progress;

    public CaseStageRecorder(ObjectProvider<CaseProgress> progress) {
        this.progress = progress;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new StageListeners());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class StageListeners extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (SupportCaseProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
                addTo(processDefinition);
            }
        }

        private void addTo(ScopeImpl scope) {
            for (ActivityImpl activity : scope.getActivities()) {
                CaseStage.ofActivity(activity.getId()).ifPresent(stage -> {
                    ExecutionListener enter = execution -> progress.getObject().enter(execution.getProcessBusinessKey(), stage);
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, enter);
                    if (activity.isAsyncBefore()) {
                        // the case is there once the flow reaches the activity, though it starts in a later job
                        activity.getIncomingTransitions().forEach(flow -> ((TransitionImpl) flow).addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, enter));
                    }
                });
                addTo(activity);
            }
        }
    }
}
