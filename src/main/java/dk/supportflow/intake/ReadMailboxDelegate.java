package dk.supportflow.intake;

import dk.supportflow.process.MailIntakeProcess;
import dk.supportflow.process.MailIntakeProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ReadMailbox}: reads the support mailbox and tells the gateway how it went. */
@Component(MailIntakeProcess.Beans.READ)
class ReadMailboxDelegate implements JavaDelegate {

    private final MailboxWatcher watcher;

    ReadMailboxDelegate(MailboxWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MailboxWatcher.Poll poll = watcher.poll();
        execution.setVariable(Vars.STATUS, poll.status().value());
        execution.setVariable(Vars.HANDLED, poll.handled());
    }
}
