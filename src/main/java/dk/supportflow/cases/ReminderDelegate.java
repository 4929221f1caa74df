package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.process.SupportCaseProcess;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * No case goes quiet: the service tasks after the non-interrupting reminder timers. Each names
 * the task it reminds of in its input {@code remindedTask}; the mail names the case and links to
 * the task. provideMoreInfo reminds the reporter, later tells the case handler; a task of the
 * supportberettigede reminds its assignee, or the group while nobody has taken it.
 */
@Component(SupportCaseProcess.Beans.REMINDER)
public class ReminderDelegate implements JavaDelegate {

    /** The input of the reminder task: the task key it reminds of. */
    static final String REMINDED_TASK = "remindedTask";
    /** The input of provideMoreInfo's second reminder: tell the case handler instead of the reporter. */
    static final String TELL_CASE_HANDLER = "tellCaseHandler";

    private final SupportCaseService cases;
    private final CaseReporter reporter;
    private final TaskService taskService;
    private final CaseMails mails;

    public ReminderDelegate(SupportCaseService cases, CaseReporter reporter, TaskService taskService, CaseMails mails) {
        this.cases = cases;
        this.reporter = reporter;
        this.taskService = taskService;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportCase supportCase = cases.ofProcess(execution);
        String taskKey = (String) execution.getVariable(REMINDED_TASK);
        Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            // the task was done while the reminder waited for its turn
            return;
        }
        if (SupportCaseProcess.Tasks.PROVIDE_MORE_INFO.equals(taskKey)) {
            if (Boolean.TRUE.equals(execution.getVariable(TELL_CASE_HANDLER))) {
                mails.reporterSilent(supportCase.getCaseNumber(), supportCase.getTitle(),
                        Optional.ofNullable((String) execution.getVariable(Vars.CASE_HANDLER)), reporter.of(execution),
                        task.getId());
            } else {
                mails.reporterReminder(supportCase.getCaseNumber(), supportCase.getTitle(), reporter.of(execution), task.getId());
            }
            return;
        }
        mails.taskReminder(supportCase.getCaseNumber(), supportCase.getTitle(), task.getName(), task.getAssignee(), task.getId());
    }
}
