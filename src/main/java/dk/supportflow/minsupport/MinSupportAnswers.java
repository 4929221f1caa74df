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

/** An answer or a question from MinSupport reaches every case that waits on that MinSupport case. */
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
        return caseNumbers(correlation.correlateAllWithResult(), minSupportCaseNumber);
    }

    /**
     * MinSupport asks something only the reporter can answer: the question goes to the reporter
     * of every case waiting on the MinSupport case (one already answering a question gets this
     * one as well). Returns the case numbers.
     */
    public List<String> ask(String typedNumber, String question) {
        String minSupportCaseNumber = MinSupportNumbers.normalise(typedNumber);
        return caseNumbers(runtimeService.createMessageCorrelation(SupportCaseProcess.Messages.MINSUPPORT_QUESTION_RECEIVED)
                .processInstanceVariableEquals(Vars.MINSUPPORT_CASE_NUMBER, minSupportCaseNumber)
                .setVariable(Vars.MINSUPPORT_QUESTION, Cpr.maskInText(question.strip()))
                .correlateAllWithResult(), minSupportCaseNumber);
    }

    private List<String> caseNumbers(List<MessageCorrelationResult> results, String minSupportCaseNumber) {
        if (results.isEmpty()) {
            if (runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportCaseProcess.PROCESS_KEY)
                    .variableValueEquals(Vars.MINSUPPORT_CASE_NUMBER, minSupportCaseNumber).count() > 0) {
                // between two steps (a mail being written, a follow-up being registered): the next moment it waits again
                throw ApiException.conflict("Sagen med MinSupport-sag " + minSupportCaseNumber
                        + " er midt i et skridt lige nu. Prøv igen om et øjeblik.");
            }
            throw ApiException.notFound("Ingen åben sag venter på MinSupport-sag " + minSupportCaseNumber + ".");
        }
        Set<String> instanceIds = results.stream().map(r -> r.getExecution().getProcessInstanceId()).collect(Collectors.toSet());
        return runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .map(ProcessInstance::getBusinessKey).sorted().toList();
    }
}
