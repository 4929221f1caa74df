package dk.supportflow.meetings;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.knowledge.KnowledgeSharingRules;
import dk.supportflow.process.GangmoedeProcess;
import dk.supportflow.process.SupportCaseProcess;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts a closed error (not a support or change request) against its error pattern; a pattern that becomes a new gangmøde topic
 * sends the message that opens a planning round (the gangmoede process decides whether one is
 * already waiting for its planner).
 */
@Component(SupportCaseProcess.Beans.REGISTER_ERROR_PATTERN)
public class RegisterErrorPatternDelegate implements JavaDelegate {

    private final RecurringErrors recurringErrors;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final SupportCaseService supportCases;

    public RegisterErrorPatternDelegate(RecurringErrors recurringErrors, RuntimeService runtimeService, Clock clock,
            SupportCaseService supportCases) {
        this.supportCases = supportCases;
        this.recurringErrors = recurringErrors;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!supportCases.ofProcess(execution).isError()) {
            // support and change requests are not errors: they make no gangmøde topic
            return;
        }
        RecurringErrors.Outcome outcome = recurringErrors.registerClosedCase(execution.getProcessBusinessKey(),
                (String) execution.getVariable(Vars.COMPONENT), (String) execution.getVariable(Vars.ERROR_CLASS),
                KnowledgeSharingRules.articleNumber(execution.getVariable(Vars.SOLVED_WITH_ARTICLE)).orElse(null),
                clock.instant());
        if (outcome.newTopic()) {
            runtimeService.startProcessInstanceByMessage(GangmoedeProcess.Messages.TOPIC_PROPOSED);
        }
    }
}
