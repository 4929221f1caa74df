package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.privacy.Cpr;
import dk.supportflow.process.SupportCaseProcess.Outcomes;
import dk.supportflow.process.SupportCaseProcess.Tasks;
import dk.supportflow.tasks.TaskInput;
import dk.supportflow.tasks.TaskRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * "Afklar indberetningen": a report that came by mail goes on to the analysis only with what the
 * training asks of every report (the same rules as the API's and the start form's), or the
 * reporter is asked.
 */
@Component
class TriageRules implements TaskRules {

    static final String READY = "ready";
    static final Map<String, String> OUTCOMES = Map.of(READY, "Klar til analyse", Outcomes.NEED_MORE_INFO, "Spørg indberetteren");

    private final Validator validator;

    TriageRules(Validator validator) {
        this.validator = validator;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(Tasks.TRIAGE_MAIL);
    }

    @Override
    public void check(String taskKey, TaskInput input) {
        String cpr = input.text(Vars.CPR);
        if (cpr != null && !Cpr.isValid(cpr.strip())) {
            input.problem(Cpr.INVALID_MESSAGE);
        }
        String outcome = input.requireOneOf(Vars.TRIAGE_OUTCOME, OUTCOMES,
                "Vælg, om indberetningen er klar til analyse, eller om indberetteren skal spørges.");
        if (Outcomes.NEED_MORE_INFO.equals(outcome)) {
            input.requireText(Vars.QUESTION, TaskInput.MAX_TEXT, "Skriv det spørgsmål, indberetteren skal svare på.");
        } else if (READY.equals(outcome)) {
            validator.validate(report(input::text)).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<CaseReport> v) -> v.getPropertyPath().toString()))
                    .forEach(violation -> input.problem(violation.getMessage()));
        }
    }

    /** The report as the triage form holds it (process variables by name). */
    static CaseReport report(Function<String, String> text) {
        return new CaseReport(text.apply(Vars.TITLE), text.apply(Vars.WORKING_ON), text.apply(Vars.STEPS_TAKEN),
                text.apply(Vars.EXPECTED), text.apply(Vars.ACTUAL), text.apply(Vars.TRIED_SO_FAR), text.apply(Vars.ERROR_MESSAGE),
                text.apply(Vars.COMPONENT), null, text.apply(Vars.KP_CASE_ID), text.apply(Vars.KP_TASK_KEY), null, null, null,
                null, text.apply(Vars.KIND), null, null);
    }
}
