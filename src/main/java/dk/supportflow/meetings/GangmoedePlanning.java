package dk.supportflow.meetings;

import dk.supportflow.privacy.Cpr;
import dk.supportflow.process.GangmoedeProcess;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A gangmøde from plan to record: the planned meeting with its topics and invitations, and after
 * it who came, what was agreed, and its topics covered (from the meeting's start, which is where
 * the before/after comparison of its effect divides).
 */
@Service
public class GangmoedePlanning {

    private final GangmoedeRepository meetings;
    private final MeetingTopicRepository topics;
    private final GangmoedeMails mails;
    private final TaskService taskService;
    private final Clock clock;

    public GangmoedePlanning(GangmoedeRepository meetings, MeetingTopicRepository topics, GangmoedeMails mails,
            TaskService taskService, Clock clock) {
        this.meetings = meetings;
        this.topics = topics;
        this.mails = mails;
        this.taskService = taskService;
        this.clock = clock;
    }

    /** Whether another planning round than this one is waiting for its planner. */
    public boolean anotherRoundBeingPlanned(String processInstanceId) {
        return taskService.createTaskQuery().processDefinitionKey(GangmoedeProcess.PROCESS_KEY)
                .taskDefinitionKey(GangmoedeProcess.Tasks.PLAN).list().stream()
                .anyMatch(task -> !task.getProcessInstanceId().equals(processInstanceId));
    }

    /**
     * Stores the gangmøde, marks its topics planned and invites every sagsbehandler, once per
     * planning round (a retried job finds the meeting and sends nothing again). Topics planned
     * elsewhere since the planner chose them are left out.
     */
    @Transactional
    public Gangmoede plan(String processInstanceId, MeetingPlan plan, String plannedBy) {
        var existing = meetings.findByProcessInstanceId(processInstanceId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Gangmoede gangmoede = meetings.save(new Gangmoede(processInstanceId, plan, plannedBy));
        List<MeetingTopic> chosen = topics.findAllById(plan.topicIds()).stream()
                .filter(t -> t.getStatus() == MeetingTopic.Status.OPEN).toList();
        chosen.forEach(t -> t.planned(gangmoede.getId()));
        mails.invitation(gangmoede, chosen);
        return gangmoede;
    }

    /** Records the meeting as held and its topics as covered; a retried job changes nothing more. */
    @Transactional
    public Gangmoede record(Long gangmoedeId, String attendees, String agreements, String recordedBy) {
        Gangmoede gangmoede = meetings.findById(gangmoedeId).orElseThrow();
        if (gangmoede.getStatus() == Gangmoede.Status.HELD) {
            return gangmoede;
        }
        gangmoede.held(masked(attendees), masked(agreements), recordedBy, clock.instant());
        topics.findByGangmoedeIdOrderByCreatedAtAsc(gangmoedeId).forEach(t -> t.covered(gangmoede.getStartsAt()));
        return gangmoede;
    }

    private static String masked(String text) {
        return text == null ? null : Cpr.maskInText(text);
    }
}
