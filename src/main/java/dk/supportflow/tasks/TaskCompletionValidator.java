package dk.supportflow.tasks;

import dk.supportflow.platform.UserInputRefused;
import dk.supportflow.process.SupportCaseProcess;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on every user task: applies the task's rules and refuses the completion
 * with a Danish message when something is missing or wrong. The task then stays open with what
 * was entered; Tasklist keeps the form and shows the message, and the engine REST APIs answer
 * 400 with only the message.
 */
@Component(SupportCaseProcess.Beans.TASK_COMPLETION_VALIDATOR)
public class TaskCompletionValidator implements TaskListener {

    private final List<TaskRules> rules;

    public TaskCompletionValidator(List<TaskRules> rules) {
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        TaskInput input = new TaskInput(task);
        rules.stream().filter(r -> r.taskKeys().contains(key)).forEach(r -> r.check(key, input));
        if (!input.problems().isEmpty()) {
            throw new UserInputRefused("Opgaven kan ikke afsluttes endnu: " + String.join(" ", input.problems()));
        }
    }
}
