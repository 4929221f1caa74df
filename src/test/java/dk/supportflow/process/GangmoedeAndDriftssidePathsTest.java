package dk.supportflow.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.supportflow.driftsside.DriftssideSettings;
import dk.supportflow.meetings.GangmoedeSchedule;
import dk.supportflow.process.DriftssideProcess;
import dk.supportflow.process.GangmoedeProcess;
import dk.supportflow.process.SupportCaseProcess;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The paths of gangmoede.bpmn and driftssideWatch.bpmn on the engine alone, the delegates mocked. */
class GangmoedeAndDriftssidePathsTest {

    private static EngineOnly engine;

    @BeforeAll
    static void startEngine() {
        DriftssideSettings settings = mock(DriftssideSettings.class);
        when(settings.timerCycle()).thenReturn("R/PT15M");
        engine = EngineOnly.deploying(
                Map.of(GangmoedeProcess.Beans.SCHEDULE, new GangmoedeSchedule("0 0 8 ? * MON"),
                        DriftssideProcess.Beans.SETTINGS, settings),
                new String[] {"gangmoede.bpmn", "driftssideWatch.bpmn"},
                SupportCaseProcess.Beans.TASK_COMPLETION_VALIDATOR, GangmoedeProcess.Beans.PROPOSE_AGENDA,
                GangmoedeProcess.Beans.SEND_INVITATIONS, GangmoedeProcess.Beans.MARK_TOPICS_COVERED,
                GangmoedeProcess.Beans.COMPLETED_BY, DriftssideProcess.Beans.FETCH, DriftssideProcess.Beans.FEED_INCIDENT,
                DriftssideProcess.Beans.OPEN_KNOWN_ERRORS, DriftssideProcess.Beans.APPLY_REVIEW,
                DriftssideProcess.Beans.MAIL_MESSAGE);
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
    void aRoundWithTopicsIsPlannedInvitedHeldAndRecorded() throws Exception {
        decides(GangmoedeProcess.Beans.PROPOSE_AGENDA, GangmoedeProcess.Vars.PLANNING_NEEDED, true);
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(GangmoedeProcess.Messages.TOPIC_PROPOSED);

        execute(job(GangmoedeProcess.Elements.TASK_PROPOSE_AGENDA, pi));
        assertThat(pi).isWaitingAt(GangmoedeProcess.Tasks.PLAN);
        complete(task(GangmoedeProcess.Tasks.PLAN, pi), Map.of(GangmoedeProcess.Vars.MEETING_END, new Date()));
        execute(job(GangmoedeProcess.Elements.TASK_SEND_INVITATIONS, pi));
        verify(delegate(GangmoedeProcess.Beans.SEND_INVITATIONS)).execute(any(DelegateExecution.class));

        assertThat(pi).isWaitingAt(GangmoedeProcess.Elements.TIMER_MEETING_HELD);
        execute(job(GangmoedeProcess.Elements.TIMER_MEETING_HELD, pi));
        complete(task(GangmoedeProcess.Tasks.RECORD, pi));
        execute(job(GangmoedeProcess.Elements.TASK_MARK_TOPICS_COVERED, pi));

        verify(delegate(GangmoedeProcess.Beans.MARK_TOPICS_COVERED)).execute(any(DelegateExecution.class));
        assertThat(pi).hasPassed(GangmoedeProcess.Elements.END_GANGMOEDE_HELD).isEnded();
    }

    @Test
    void aRoundWithNothingToPlanEndsAtOnce() throws Exception {
        decides(GangmoedeProcess.Beans.PROPOSE_AGENDA, GangmoedeProcess.Vars.PLANNING_NEEDED, false);
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(GangmoedeProcess.Messages.TOPIC_PROPOSED);

        execute(job(GangmoedeProcess.Elements.TASK_PROPOSE_AGENDA, pi));

        assertThat(pi).hasPassed(GangmoedeProcess.Elements.END_NOTHING_TO_PLAN).isEnded();
        verify(delegate(GangmoedeProcess.Beans.SEND_INVITATIONS), never()).execute(any(DelegateExecution.class));
    }

    @Test
    void theDriftssideIsReadOnItsTimer() throws Exception {
        decides(DriftssideProcess.Beans.FETCH, DriftssideProcess.Vars.FEED_STATUS, "read");
        execute(jobQuery().activityId(DriftssideProcess.Elements.TIMER_START).singleResult());
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(DriftssideProcess.PROCESS_KEY)
                .active().singleResult();

        execute(job(DriftssideProcess.Elements.TASK_FETCH, pi));

        verify(delegate(DriftssideProcess.Beans.FETCH)).execute(any(DelegateExecution.class));
        assertThat(pi).hasPassed(DriftssideProcess.Elements.END_FEED_READ).isEnded();
    }

    @Test
    void whileTheFeedIsDownTheIncidentWaitsUntilItRecovers() throws Exception {
        decides(DriftssideProcess.Beans.FETCH, DriftssideProcess.Vars.FEED_STATUS, "down");
        execute(jobQuery().activityId(DriftssideProcess.Elements.TIMER_START).singleResult());
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(DriftssideProcess.PROCESS_KEY)
                .active().singleResult();
        execute(job(DriftssideProcess.Elements.TASK_FETCH, pi));
        assertThat(pi).isWaitingAt(DriftssideProcess.Elements.EVENT_FEED_RECOVERED);

        runtimeService().correlateMessage(DriftssideProcess.Messages.FEED_RECOVERED);
        assertThat(pi).hasPassed(DriftssideProcess.Elements.END_FEED_RECOVERED).isEnded();
    }

    @Test
    void aReviewedMessageIsMailedOnlyWhenSomeoneShouldHaveIt() throws Exception {
        for (boolean share : new boolean[] {true, false}) {
            reset((Object) engine.bean(DriftssideProcess.Beans.MAIL_MESSAGE));
            ProcessInstance pi = runtimeService().startProcessInstanceByMessage(DriftssideProcess.Messages.MESSAGE_REGISTERED);
            complete(task(DriftssideProcess.Tasks.REVIEW, pi), Map.of(DriftssideProcess.Vars.SHARE_WITH_CASEWORKERS, share,
                    DriftssideProcess.Vars.SHARE_WITH_SUPPORT, false));
            execute(job(DriftssideProcess.Elements.TASK_APPLY_REVIEW, pi));
            if (share) {
                execute(job(DriftssideProcess.Elements.TASK_MAIL_MESSAGE, pi));
            }

            assertThat(pi).hasPassed(DriftssideProcess.Elements.END_REVIEWED).isEnded();
            verify(delegate(DriftssideProcess.Beans.MAIL_MESSAGE), times(share ? 1 : 0)).execute(any(DelegateExecution.class));
        }
    }

    private static JavaDelegate delegate(String bean) {
        return engine.bean(bean);
    }

    /** The mocked delegate writes the variable the gateway after it decides by, as the real one does. */
    private static void decides(String bean, String variable, Object value) throws Exception {
        doAnswer(call -> {
            call.getArgument(0, DelegateExecution.class).setVariable(variable, value);
            return null;
        }).when(delegate(bean)).execute(any(DelegateExecution.class));
    }
}
