package dk.supportflow.benchmark;

import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Wakes the benchmark's clients when something they wait for has happened, instead of polling:
 * an engine plugin that adds a listener to every user task (created) and every process (ended),
 * which signals once the engine's transaction has committed. A client checks its condition, and
 * sleeps until the next signal when it does not hold yet.
 */
final class Waker extends AbstractProcessEnginePlugin {

    private final Object monitor = new Object();
    private long signals;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener taskCreated = task -> signalAfterCommit();
        ExecutionListener processEnded = execution -> signalAfterCommit();
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, taskCreated);
            }

            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                process.addListener(ExecutionListener.EVENTNAME_END, processEnded);
            }
        });
    }

    private void signalAfterCommit() {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                commandContext -> signal());
    }

    private void signal() {
        synchronized (monitor) {
            signals++;
            monitor.notifyAll();
        }
    }

    /** Returns once the condition holds; false if it did not within the timeout. */
    boolean await(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = signals;
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            synchronized (monitor) {
                while (signals == seen) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        return condition.getAsBoolean();
                    }
                    monitor.wait(left);
                }
            }
        }
    }
}
