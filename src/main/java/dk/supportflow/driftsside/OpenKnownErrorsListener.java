package dk.supportflow.driftsside;

import static dk.supportflow.process.DriftssideProcess.Vars;

import dk.supportflow.knowledge.KnownError;
import dk.supportflow.knowledge.KnownErrorRepository;
import dk.supportflow.process.DriftssideProcess;
import dk.supportflow.tasks.FormDisplay;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code reviewDriftsbesked}: the open known errors, those most like the
 * message first, so that the driftsansvarlig can name the ones a release note fixes.
 */
@Component(DriftssideProcess.Beans.OPEN_KNOWN_ERRORS)
public class OpenKnownErrorsListener implements TaskListener {

    /** Camunda keeps string variables in a 4000 character column. */
    private static final int MAX_TEXT = 3800;

    private final KnownErrorRepository knownErrors;
    private final KnownErrorCaseRepository links;
    private final FormDisplay display;

    public OpenKnownErrorsListener(KnownErrorRepository knownErrors, KnownErrorCaseRepository links, FormDisplay display) {
        this.knownErrors = knownErrors;
        this.links = links;
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> message = KnownErrorMatcher.terms(KnownErrorMatcher.join((String) task.getVariable(Vars.TITLE),
                (String) task.getVariable(Vars.SUMMARY)));
        List<KnownError> open = knownErrors.findByRetiredAtIsNullOrderByCreatedAtDesc().stream()
                .sorted(Comparator.comparingInt((KnownError k) -> -shared(message, k)))
                .toList();
        StringBuilder text = new StringBuilder();
        for (KnownError knownError : open) {
            long cases = links.countByKnownErrorId(knownError.getId());
            String line = knownError.getId() + ": " + knownError.getSymptom()
                    + (knownError.getComponent() == null ? "" : " (" + knownError.getComponent() + ")")
                    + (cases == 0 ? "" : " – " + cases + (cases == 1 ? " sag" : " sager"));
            if (text.length() + line.length() + 1 > MAX_TEXT) {
                text.append("…");
                break;
            }
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
        display.show(task, Vars.OPEN_KNOWN_ERRORS, text.toString());
    }

    private static int shared(Set<String> message, KnownError knownError) {
        Set<String> terms = new HashSet<>(KnownErrorMatcher.terms(KnownErrorMatcher.join(knownError.getSymptom(),
                knownError.getComponent())));
        terms.retainAll(message);
        return terms.size();
    }
}
