package dk.supportflow.driftsside;

import static dk.supportflow.process.DriftssideProcess.Vars;

import dk.supportflow.process.DriftssideProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_FetchDriftsside}: reads the driftsside and tells the gateway how it went. */
@Component(DriftssideProcess.Beans.FETCH)
public class FetchDriftssideDelegate implements JavaDelegate {

    private final DriftssideWatcher watcher;

    public FetchDriftssideDelegate(DriftssideWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DriftssideWatcher.Poll poll = watcher.poll();
        execution.setVariable(Vars.FEED_STATUS, poll.status().value());
        execution.setVariable(Vars.NEW_MESSAGES, poll.newMessages());
    }
}
