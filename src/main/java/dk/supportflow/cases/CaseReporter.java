package dk.supportflow.cases;

import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who reported a process instance's case, for the provideMoreInfo task's assignee and the mails
 * to the reporter. Read from the case row, never from the {@code reporter} variable: a person who
 * completes a task may send variables of any name, and must not redirect the case's questions,
 * answers or tasks to somebody else.
 */
@Component(SupportCaseProcess.Beans.CASE_REPORTER)
public class CaseReporter {

    private final SupportCaseService cases;

    public CaseReporter(SupportCaseService cases) {
        this.cases = cases;
    }

    public String of(DelegateExecution execution) {
        return cases.ofProcess(execution).getReporter();
    }
}
