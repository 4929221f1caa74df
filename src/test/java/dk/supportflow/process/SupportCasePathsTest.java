package dk.supportflow.process;

import static dk.supportflow.process.SupportCaseProcess.Beans;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Messages;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.supportflow.cases.CaseReporter;
import dk.supportflow.minsupport.CaseTimers;
import dk.supportflow.process.SupportCaseProcess;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of supportCase.bpmn on the engine alone, the delegates and listeners mocked: which
 * wait state follows which decision, which delegate runs, and which does not.
 */
class SupportCasePathsTest {

    private static EngineOnly engine;

    @BeforeAll
    static void startEngine() {
        CaseReporter reporter = mock(CaseReporter.class);
        when(reporter.of(any())).thenReturn("superbruger1");
        engine = EngineOnly.deploying(
                Map.of(Beans.CASE_REPORTER, reporter, Beans.CASE_TIMERS,
                        new CaseTimers("PT2H", "PT4H", "P1D", "P3D", "P5D", "P10D", "P2D", "P5D", "P1D")),
                new String[] {"supportCase.bpmn", "suggestCriticality.dmn"},
                Beans.CASE_INTAKE, Beans.TASK_COMPLETION_VALIDATOR, Beans.CASE_HANDLER_RECORDER, Beans.CASE_PROGRESS_RECORDER,
                Beans.ANALYSIS_RESET, Beans.SIMILAR_CASES, Beans.KNOWLEDGE_SUGGESTIONS, Beans.TROUBLESHOOTING_LINKS,
                Beans.MAIL_QUESTION, Beans.MAIL_FOLLOW_UP_REMINDER, Beans.PASS_ON_MINSUPPORT_QUESTION,
                Beans.PASS_ON_REPORTER_ANSWER, Beans.CRITICALITY_CHANGE_RECORDER, Beans.MAIL_ANSWER, Beans.MAIL_CASEWORKERS,
                Beans.CLOSE_CASE, Beans.REGISTER_ERROR_PATTERN, Beans.REGISTER_CASE_INFORMATION, Beans.CASE_INFORMATION_INTAKE,
                Beans.MINSUPPORT_DRAFT_LISTENER, Beans.KNOWN_ERROR_INTAKE, Beans.REGISTER_KNOWN_ERROR, Beans.HANDLER_PHONE,
                Beans.REMINDER, Beans.APPLY_TRIAGE, Beans.TRIAGE_CPR);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void forgetCalls() {
        engine.resetMocks();
    }

    @Test
    void solvedLocallyTheAnswerIsMailedAndTheCaseClosedInOneJob() throws Exception {
        ProcessInstance pi = reported();
        verifyExecutionListener(Beans.CASE_INTAKE, 1);
        analyse(pi, SupportCaseProcess.Outcomes.SOLVED_LOCALLY);

        assertThat(pi).isWaitingAt(Elements.TASK_MAIL_ANSWER);
        execute(job(Elements.TASK_MAIL_ANSWER));
        verifyDelegate(Beans.MAIL_ANSWER, 1);
        shareAndClose(pi, false);

        assertThat(pi).hasPassedInOrder(Tasks.ANALYSE_ERROR, Tasks.PLAN_KNOWLEDGE_SHARING, Elements.TASK_CLOSE_CASE,
                Elements.TASK_REGISTER_ERROR_PATTERN).isEnded();
        assertThat(pi).hasNotPassed(Elements.TASK_MAIL_CASEWORKERS);
        verifyDelegate(Beans.MAIL_CASEWORKERS, 0);
        verifyDelegate(Beans.CLOSE_CASE, 1);
        verifyDelegate(Beans.REGISTER_ERROR_PATTERN, 1);
        // the validator checks every completed user task
        verify((TaskListener) engine.bean(Beans.TASK_COMPLETION_VALIDATOR), times(2)).notify(any(DelegateTask.class));
    }

    @Test
    void sharedWithCaseworkersTheyAreMailedBeforeClosing() throws Exception {
        ProcessInstance pi = reported();
        analyse(pi, SupportCaseProcess.Outcomes.SOLVED_LOCALLY);
        execute(job(Elements.TASK_MAIL_ANSWER));
        shareAndClose(pi, true);

        assertThat(pi).hasPassedInOrder(Tasks.PLAN_KNOWLEDGE_SHARING, Elements.TASK_MAIL_CASEWORKERS, Elements.TASK_CLOSE_CASE)
                .isEnded();
        verifyDelegate(Beans.MAIL_CASEWORKERS, 1);
    }

    @Test
    void aQuestionToTheReporterLeadsBackToTheAnalysis() throws Exception {
        ProcessInstance pi = reported();
        analyse(pi, SupportCaseProcess.Outcomes.NEED_MORE_INFO);

        execute(job(Elements.TASK_MAIL_QUESTION));
        verifyDelegate(Beans.MAIL_QUESTION, 1);
        assertThat(pi).isWaitingAt(Tasks.PROVIDE_MORE_INFO);
        assertThat(task(Tasks.PROVIDE_MORE_INFO, pi)).isAssignedTo("superbruger1");

        complete(task(Tasks.PROVIDE_MORE_INFO, pi), Map.of(Vars.ADDITIONAL_INFO, "Det var i går."));
        assertThat(pi).isWaitingAt(Tasks.ANALYSE_ERROR);
        execute(job(Tasks.ANALYSE_ERROR));
        assertThat(pi).isWaitingAt(Tasks.ANALYSE_ERROR).task().isNotNull();
    }

    @Test
    void aSilentReporterIsRemindedAndThenTheCaseHandlerToldWhileTheTaskStays() throws Exception {
        ProcessInstance pi = reported();
        analyse(pi, SupportCaseProcess.Outcomes.NEED_MORE_INFO);
        execute(job(Elements.TASK_MAIL_QUESTION));

        execute(job(Elements.TIMER_REPORTER_REMINDER));
        execute(job(Elements.TASK_REMIND_REPORTER));
        execute(job(Elements.TIMER_REPORTER_SILENT));
        execute(job(Elements.TASK_TELL_REPORTER_SILENT));

        verifyDelegate(Beans.REMINDER, 2);
        assertThat(pi).hasPassed(Elements.END_REPORTER_REMINDED, Elements.END_REPORTER_SILENT_TOLD)
                .isWaitingAt(Tasks.PROVIDE_MORE_INFO);
    }

    @Test
    void waitAndRetryWaitsForTheIntegrationThenEscalatesWithASuggestedCriticality() throws Exception {
        ProcessInstance pi = reported();
        analyse(pi, SupportCaseProcess.Outcomes.WAIT_AND_RETRY);

        assertThat(pi).isWaitingAt(Elements.TIMER_WAIT_INTEGRATION);
        execute(job(Elements.TIMER_WAIT_INTEGRATION));
        assertThat(pi).isWaitingAt(Tasks.RETRY_INTEGRATION);
        complete(task(Tasks.RETRY_INTEGRATION, pi), Map.of(Vars.OUTCOME, SupportCaseProcess.Outcomes.ESCALATE));

        assertThat(pi).hasPassed(Elements.TASK_SUGGEST_CRITICALITY).isWaitingAt(Tasks.PREPARE_MINSUPPORT_REPORT);
        // payment blocked: the training's highest level
        assertThat(pi).variables().containsEntry(Vars.SUGGESTED_CRITICALITY, "kritisk");
    }

    @Test
    void anAnswerFromMinSupportEndsTheWaitAndIsForwarded() throws Exception {
        ProcessInstance pi = reportedToMinSupport();

        runtimeService().createMessageCorrelation(Messages.MINSUPPORT_ANSWER_RECEIVED).processInstanceId(pi.getId())
                .setVariable(Vars.ANSWER, "Rettet i 24.4.").correlate();

        assertThat(pi).isWaitingAt(Tasks.FORWARD_ANSWER);
        complete(task(Tasks.FORWARD_ANSWER, pi), Map.of(Vars.ANSWER, "Rettet i 24.4."));
        execute(job(Elements.TASK_MAIL_ANSWER));
        shareAndClose(pi, false);
        assertThat(pi).hasPassed(Elements.SUBPROCESS_AWAIT_MINSUPPORT).isEnded();
        verifyDelegate(Beans.MAIL_ANSWER, 1);
    }

    @Test
    void aQuestionFromMinSupportGoesToTheReporterAndTheAnswerBackToTheWait() throws Exception {
        ProcessInstance pi = reportedToMinSupport();

        runtimeService().createMessageCorrelation(Messages.MINSUPPORT_QUESTION_RECEIVED).processInstanceId(pi.getId())
                .correlate();
        execute(job(Elements.TASK_PASS_ON_QUESTION));
        verifyDelegate(Beans.PASS_ON_MINSUPPORT_QUESTION, 1);
        assertThat(pi).isWaitingAt(Tasks.ANSWER_MINSUPPORT_QUESTION);
        assertThat(task(Tasks.ANSWER_MINSUPPORT_QUESTION, pi)).isAssignedTo("superbruger1");

        complete(task(Tasks.ANSWER_MINSUPPORT_QUESTION, pi), Map.of(Vars.REPORTER_ANSWER, "Sagen er fra i går."));
        execute(job(Elements.TASK_PASS_ON_REPORTER_ANSWER));
        verifyDelegate(Beans.PASS_ON_REPORTER_ANSWER, 1);
        assertThat(pi).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
    }

    @Test
    void atAFollowUpTheCriticalityIsChangedAndTheWaitGoesOn() throws Exception {
        ProcessInstance pi = reportedToMinSupport();

        followUp(pi, Map.of(Vars.MINSUPPORT_ANSWERED, false, Vars.CHANGE_CRITICALITY, true,
                Vars.NEW_CRITICALITY, "hoej", Vars.CRITICALITY_CHANGE_REASON, "Flere borgere venter."));
        verifyDelegate(Beans.MAIL_FOLLOW_UP_REMINDER, 1);

        execute(job(Elements.TASK_CHANGE_CRITICALITY));
        verifyDelegate(Beans.CRITICALITY_CHANGE_RECORDER, 1);
        assertThat(pi).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
    }

    @Test
    void anAnswerFoundAtTheFollowUpIsForwarded() throws Exception {
        ProcessInstance pi = reportedToMinSupport();

        followUp(pi, Map.of(Vars.MINSUPPORT_ANSWERED, true, Vars.ANSWER, "Rettet."));

        assertThat(pi).hasPassed(Elements.END_ANSWERED_AT_FOLLOW_UP).isWaitingAt(Tasks.FORWARD_ANSWER);
        verifyDelegate(Beans.CRITICALITY_CHANGE_RECORDER, 0);
    }

    @Test
    void newInformationIsRegisteredBesideTheCaseWithoutMovingIt() throws Exception {
        ProcessInstance pi = reported();
        analyse(pi, SupportCaseProcess.Outcomes.WAIT_AND_RETRY);

        runtimeService().createMessageCorrelation(Messages.CASE_INFORMATION_ADDED).processInstanceId(pi.getId()).correlate();
        execute(job(Elements.TASK_REGISTER_CASE_INFORMATION));

        verifyDelegate(Beans.REGISTER_CASE_INFORMATION, 1);
        assertThat(pi).hasPassed(Elements.END_INFORMATION_REGISTERED).isWaitingAt(Elements.TIMER_WAIT_INTEGRATION);
    }

    @Test
    void aReportByMailIsTriagedBeforeTheAnalysis() throws Exception {
        ProcessInstance pi = reportedByMail();
        assertThat(task(Tasks.TRIAGE_MAIL, pi)).hasCandidateGroup("supportberettigede");
        complete(task(Tasks.TRIAGE_MAIL, pi), Map.of(Vars.TRIAGE_OUTCOME, "ready"));

        verifyDelegate(Beans.APPLY_TRIAGE, 1);
        assertThat(pi).hasPassedInOrder(Tasks.TRIAGE_MAIL, Elements.TASK_APPLY_TRIAGE).isWaitingAt(Tasks.ANALYSE_ERROR);
        verifyDelegate(Beans.MAIL_QUESTION, 0);
    }

    @Test
    void triageCanAskTheReporterAndTheAnswerGoesToTheAnalysis() throws Exception {
        ProcessInstance pi = reportedByMail();
        complete(task(Tasks.TRIAGE_MAIL, pi), Map.of(Vars.TRIAGE_OUTCOME, SupportCaseProcess.Outcomes.NEED_MORE_INFO,
                Vars.QUESTION, "Hvilken sag i KP var det?"));
        execute(job(Elements.TASK_MAIL_QUESTION));
        verifyDelegate(Beans.MAIL_QUESTION, 1);
        complete(task(Tasks.PROVIDE_MORE_INFO, pi), Map.of(Vars.ADDITIONAL_INFO, "Sag 4711 i KP."));

        assertThat(pi).isWaitingAt(Tasks.ANALYSE_ERROR).hasNotPassed(Elements.TASK_APPLY_TRIAGE);
        verifyDelegate(Beans.APPLY_TRIAGE, 0);
    }

    @Test
    void aReportThatDidNotComeByMailGoesStraightToTheAnalysis() {
        ProcessInstance pi = reported();
        assertThat(pi).hasNotPassed(Tasks.TRIAGE_MAIL);
    }

    private static ProcessInstance reportedByMail() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.CASE_NUMBER, "SUP-2026-000002");
        variables.put(Vars.TRIAGE, true);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(SupportCaseProcess.PROCESS_KEY, "SUP-2026-000002", variables);
        assertThat(pi).isWaitingAt(Tasks.TRIAGE_MAIL);
        return pi;
    }

    private static ProcessInstance reported() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.CASE_NUMBER, "SUP-2026-000001");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(SupportCaseProcess.PROCESS_KEY, "SUP-2026-000001", variables);
        // the analysis is prepared in its own job before the task appears
        assertThat(pi).isWaitingAt(Tasks.ANALYSE_ERROR);
        execute(job(Tasks.ANALYSE_ERROR));
        return pi;
    }

    private static void analyse(ProcessInstance pi, String outcome) {
        complete(task(Tasks.ANALYSE_ERROR, pi), Map.of(Vars.OUTCOME, outcome, Vars.ERROR_CLASS, "technicalError",
                Vars.PAYMENT_BLOCKED, true, Vars.WORK_BLOCKED, true, Vars.CENTRAL_FUNCTION_HIT, true,
                Vars.WORKAROUND_AVAILABLE, false));
    }

    private static ProcessInstance reportedToMinSupport() {
        ProcessInstance pi = reported();
        analyse(pi, SupportCaseProcess.Outcomes.ESCALATE);
        execute(job(Tasks.PREPARE_MINSUPPORT_REPORT));
        complete(task(Tasks.PREPARE_MINSUPPORT_REPORT, pi), Map.of(Vars.CRITICALITY, "medium", Vars.TICKET_TYPE, "fejlsag"));
        execute(job(Tasks.REPORT_TO_MINSUPPORT));
        complete(task(Tasks.REPORT_TO_MINSUPPORT, pi), Map.of(Vars.MINSUPPORT_CASE_NUMBER, "MS-1"));
        assertThat(pi).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
        return pi;
    }

    /** The follow-up timer fires, its reminder is mailed, and the follow-up is done with these answers. */
    private static void followUp(ProcessInstance pi, Map<String, Object> answers) {
        execute(job(Elements.TIMER_FOLLOW_UP_DUE));
        execute(job(Elements.TASK_MAIL_FOLLOW_UP_REMINDER));
        complete(task(Tasks.FOLLOW_UP_MINSUPPORT, pi), answers);
    }

    private static void shareAndClose(ProcessInstance pi, boolean shareWithCaseworkers) {
        complete(task(Tasks.PLAN_KNOWLEDGE_SHARING, pi), Map.of(Vars.SHARE_WITH_CASEWORKERS, shareWithCaseworkers));
        if (shareWithCaseworkers) {
            execute(job(Elements.TASK_MAIL_CASEWORKERS));
        }
        // closing, with the error pattern, is one job
        execute(job(Elements.TASK_CLOSE_CASE));
    }

    private static void verifyDelegate(String bean, int calls) throws Exception {
        JavaDelegate delegate = engine.bean(bean);
        verify(delegate, calls == 0 ? never() : times(calls)).execute(any(DelegateExecution.class));
    }

    private static void verifyExecutionListener(String bean, int calls) throws Exception {
        ExecutionListener listener = engine.bean(bean);
        verify(listener, times(calls)).notify(any(DelegateExecution.class));
    }
}
