package dk.supportflow.driftsside;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Second start listener of {@code supportCase}, after the intake: a new case that matches known
 * errors is linked to them, and the forms show them as {@code knownErrorNotice}. The case has
 * just been registered, so this is in the same transaction: no message is needed.
 */
@Component(SupportCaseProcess.Beans.KNOWN_ERROR_INTAKE)
public class KnownErrorIntakeListener implements ExecutionListener {

    private final KnownErrorLinks links;

    public KnownErrorIntakeListener(KnownErrorLinks links) {
        this.links = links;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String text = KnownErrorMatcher.join((String) execution.getVariable(Vars.TITLE),
                (String) execution.getVariable(Vars.ACTUAL), (String) execution.getVariable(Vars.ERROR_MESSAGE));
        String notice = links.matchAtIntake(execution.getProcessBusinessKey(), text,
                (String) execution.getVariable(Vars.COMPONENT));
        if (!notice.isEmpty()) {
            execution.setVariable(Vars.KNOWN_ERROR_NOTICE, notice);
        }
    }
}
