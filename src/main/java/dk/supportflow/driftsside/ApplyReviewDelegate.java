package dk.supportflow.driftsside;

import static dk.supportflow.process.DriftssideProcess.Vars;

import dk.supportflow.process.DriftssideProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/** {@code Task_ApplyReview}: carries out the review of a driftsside message (see {@link DriftssideReview}). */
@Component(DriftssideProcess.Beans.APPLY_REVIEW)
public class ApplyReviewDelegate implements JavaDelegate {

    private final DriftssideReview review;
    private final HistoryService historyService;

    public ApplyReviewDelegate(DriftssideReview review, HistoryService historyService) {
        this.review = review;
        this.historyService = historyService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = (String) execution.getVariable(Vars.REVIEW_OUTCOME);
        review.apply(((Number) execution.getVariable(Vars.MESSAGE_ID)).longValue(), new DriftssideReview.Decision(
                MessageState.ofCode(outcome).orElseThrow(() -> new IllegalStateException("Unknown review outcome " + outcome)),
                (String) execution.getVariable(Vars.KNOWN_ERROR_SYMPTOM),
                (String) execution.getVariable(Vars.KNOWN_ERROR_COMPONENT),
                (String) execution.getVariable(Vars.KNOWN_ERROR_WORKAROUND),
                ReviewRules.ids((String) execution.getVariable(Vars.FIXED_KNOWN_ERRORS)),
                Boolean.TRUE.equals(execution.getVariable(Vars.SHARE_WITH_CASEWORKERS)),
                Boolean.TRUE.equals(execution.getVariable(Vars.SHARE_WITH_SUPPORT)),
                reviewer(execution.getProcessInstanceId())));
    }

    /** Who completed the review task (it is claimed before it is completed). */
    private String reviewer(String processInstanceId) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(DriftssideProcess.Tasks.REVIEW).finished().orderByHistoricTaskInstanceEndTime().desc()
                .listPage(0, 1).stream().map(HistoricTaskInstance::getAssignee).filter(a -> a != null).findFirst()
                .orElse("driftsansvarlige");
    }
}
