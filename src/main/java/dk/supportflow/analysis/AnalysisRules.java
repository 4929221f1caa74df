package dk.supportflow.analysis;

import static dk.supportflow.process.SupportCaseProcess.Kinds;
import static dk.supportflow.process.SupportCaseProcess.Outcomes;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.tasks.TaskInput;
import dk.supportflow.tasks.TaskRules;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Stage 1, "Analysér fejlen": what the analysis must decide before the case moves on. */
@Component
public class AnalysisRules implements TaskRules {

    static final Map<String, String> OUTCOMES = Map.of(
            Outcomes.SOLVED_LOCALLY, "Løst lokalt",
            Outcomes.NEED_MORE_INFO, "Mangler oplysninger",
            Outcomes.WAIT_AND_RETRY, "Vent og prøv igen",
            Outcomes.ESCALATE, "Eskalér til MinSupport");
    static final Map<String, String> RETRY_OUTCOMES = Map.of(
            Outcomes.SOLVED_LOCALLY, "Løst",
            Outcomes.ESCALATE, "Eskalér til MinSupport");
    public static final Map<String, String> ERROR_CLASSES = Map.of(
            "userError", "Brugerfejl",
            "processError", "Procesfejl",
            "integrationError", "Integrationsfejl",
            "technicalError", "Teknisk fejl");

    @Override
    public Set<String> taskKeys() {
        return Set.of(Tasks.ANALYSE_ERROR, Tasks.PROVIDE_MORE_INFO, Tasks.RETRY_INTEGRATION);
    }

    @Override
    public void check(String taskKey, TaskInput input) {
        switch (taskKey) {
            case Tasks.ANALYSE_ERROR -> {
                String outcome = input.requireOneOf(Vars.OUTCOME, OUTCOMES, "Vælg udfaldet af analysen.");
                if (isError(input)) {
                    input.requireOneOf(Vars.ERROR_CLASS, ERROR_CLASSES, "Vælg, hvilken slags fejl det er.");
                } else {
                    // a support or change request is no error: it must not count towards error patterns
                    input.normalise(Vars.ERROR_CLASS, null);
                }
                requireAnswerWhenSolved(input, outcome);
                recordImpactWhenEscalating(input, outcome);
                if (Outcomes.NEED_MORE_INFO.equals(outcome)) {
                    input.requireText(Vars.QUESTION, TaskInput.MAX_TEXT, "Skriv det spørgsmål, indberetteren skal svare på.");
                } else {
                    input.optionalText(Vars.QUESTION, TaskInput.MAX_TEXT);
                }
            }
            case Tasks.PROVIDE_MORE_INFO ->
                    input.requireText(Vars.ADDITIONAL_INFO, TaskInput.MAX_TEXT, "Skriv de oplysninger, den supportberettigede har spurgt om.");
            case Tasks.RETRY_INTEGRATION -> {
                String outcome = input.requireOneOf(Vars.OUTCOME, RETRY_OUTCOMES, "Vælg, om fejlen er løst, eller om den skal eskaleres.");
                requireAnswerWhenSolved(input, outcome);
                recordImpactWhenEscalating(input, outcome);
            }
            default -> throw new IllegalArgumentException(taskKey);
        }
    }

    /** A case reported before kinds existed has no kind and is an error. */
    static boolean isError(TaskInput input) {
        String kind = input.text(Vars.KIND);
        return kind == null || Kinds.ERROR.equals(kind);
    }

    /** The answers the criticality suggestion is made from; an unticked box is a no. */
    private static void recordImpactWhenEscalating(TaskInput input, String outcome) {
        if (Outcomes.ESCALATE.equals(outcome)) {
            input.flag(Vars.CENTRAL_FUNCTION_HIT);
            input.flag(Vars.WORKAROUND_AVAILABLE);
            input.flag(Vars.WORK_BLOCKED);
        }
    }

    private static void requireAnswerWhenSolved(TaskInput input, String outcome) {
        if (Outcomes.SOLVED_LOCALLY.equals(outcome)) {
            input.requireText(Vars.ANSWER, TaskInput.MAX_TEXT, "Skriv svaret til indberetteren, når fejlen er løst lokalt.");
        } else {
            input.optionalText(Vars.ANSWER, TaskInput.MAX_TEXT);
        }
    }
}
