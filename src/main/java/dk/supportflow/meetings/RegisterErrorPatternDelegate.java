package dk.supportflow.meetings;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCaseProcess;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts the closed case against its error pattern; a recurring pattern becomes a gangmøde topic. */
@Component(SupportCaseProcess.Beans.REGISTER_ERROR_PATTERN)
public class RegisterErrorPatternDelegate implements JavaDelegate {

    private final RecurringErrors recurringErrors;
    private final Clock clock;

    public RegisterErrorPatternDelegate(RecurringErrors recurringErrors, Clock clock) {
        this.recurringErrors = recurringErrors;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recurringErrors.registerClosedCase(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.COMPONENT),
                (String) execution.getVariable(Vars.ERROR_CLASS), clock.instant());
    }
}
