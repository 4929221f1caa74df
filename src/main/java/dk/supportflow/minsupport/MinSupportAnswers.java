package dk.supportflow.minsupport;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCaseProcess;
import dk.supportflow.privacy.Cpr;
import dk.supportflow.web.ApiException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** An answer from MinSupport reaches every case that waits on that MinSupport case. */
@Service
public class MinSupportAnswers {

    private final RuntimeService runtimeService;

    public MinSupportAnswers(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Returns the case numbers that received the answer. For a change request the answer may
     * carry MinSupport's decision (accepted, rejected, planned).
     */
    public List<String> receive(String typedNumber, String answer, String changeRequestOutcome) {
        String minSupportCaseNumber = MinSupportNumbers.normalise(typedNumber);
        var correlation = runtimeService
                .createMessageCorrelation(SupportCaseProcess.Messages.MINSUPPORT_ANSWER_RECEIVED)
                .processInstanceVariableEquals(Vars.MINSUPPORT_CASE_NUMBER, minSupportCaseNumber)
                .setVariable(Vars.MINSUPPORT_ANSWER, Cpr.maskInText(answer.strip()))
                .setVariable(Vars.MINSUPPORT_ANSWERED, true);
        if (changeRequestOutcome != null) {
            correlation.setVariable(Vars.CHANGE_REQUEST_OUTCOME, changeRequestOutcome);
        }
        List<MessageCorrelationResult> results = correlation.correlateAllWithResult();
        if (results.isEmpty()) {
            throw ApiException.notFound("Ingen åben sag venter på svar i MinSupport-sag " + minSupportCaseNumber + ".");
        }
        Set<String> instanceIds = results.stream().map(r -> r.getExecution().getProcessInstanceId()).collect(Collectors.toSet());
        return runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .map(ProcessInstance::getBusinessKey).sorted().toList();
    }
}
