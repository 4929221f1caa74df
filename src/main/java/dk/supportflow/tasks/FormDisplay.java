package dk.supportflow.tasks;

import dk.supportflow.process.DriftssideProcess;
import dk.supportflow.process.SupportCaseProcess;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows besides the case: suggestions, similar cases, the MinSupport draft,
 * links. Prepared when the task is created and set on the task itself, so it is gone when the
 * task is, never copied to the process, and never written to the history
 * (privacy.CprHistoryFilter drops every variable named in the processes' FORM_DISPLAY).
 */
@Component
public class FormDisplay {

    static final Set<String> NAMES = names();

    private static Set<String> names() {
        Set<String> names = new HashSet<>(SupportCaseProcess.Vars.FORM_DISPLAY);
        names.addAll(DriftssideProcess.Vars.FORM_DISPLAY);
        return Set.copyOf(names);
    }

    /** Shows the value on the task's form. */
    public void show(DelegateTask task, String name, Object value) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(name + " is not a form display variable; the process's data belongs on the case");
        }
        task.setVariableLocal(name, value);
    }
}
