package dk.supportflow.process;

/**
 * The contract of the {@code gangmoede} BPMN process: a planning round for a short team meeting
 * about recurring errors, the invitations, and the record of what was agreed.
 */
public final class GangmoedeProcess {

    public static final String PROCESS_KEY = "gangmoede";

    /** User tasks: the element id is the task definition key. */
    public static final class Tasks {
        public static final String PLAN = "planGangmoede";
        public static final String RECORD = "recordGangmoede";

        private Tasks() {
        }
    }

    public static final class Elements {
        public static final String START_PLANNING_DUE = "StartEvent_PlanningDue";
        public static final String START_TOPIC_PROPOSED = "StartEvent_TopicProposed";
        public static final String GATEWAY_ROUND_REQUESTED = "Gateway_RoundRequested";
        public static final String TASK_PROPOSE_AGENDA = "Task_ProposeAgenda";
        public static final String GATEWAY_PLANNING_NEEDED = "Gateway_PlanningNeeded";
        public static final String END_NOTHING_TO_PLAN = "EndEvent_NothingToPlan";
        public static final String TASK_SEND_INVITATIONS = "Task_SendInvitations";
        public static final String TIMER_MEETING_HELD = "Event_MeetingHeld";
        public static final String TASK_MARK_TOPICS_COVERED = "Task_MarkTopicsCovered";
        public static final String END_GANGMOEDE_HELD = "EndEvent_GangmoedeHeld";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Sent by the case process when a recurring error becomes a new topic. */
        public static final String TOPIC_PROPOSED = "MeetingTopicProposed";

        private Messages() {
        }
    }

    public static final class Vars {
        /** Set by proposeAgenda: whether there are open topics and no other round is being planned. */
        public static final String PLANNING_NEEDED = "planningNeeded";
        /** Shown in the Tasklist filters, like a case's title. */
        public static final String TITLE = "title";
        /** The proposed agenda as text: topics, their cases and known answers (never CPR). */
        public static final String AGENDA = "agenda";
        /** The topics chosen for the meeting, as their numbers separated by commas; proposed: all open ones. */
        public static final String TOPIC_IDS = "topicIds";
        /** yyyy-MM-dd, from the form's date field. */
        public static final String MEETING_DATE = "meetingDate";
        /** HH:mm, from the form's time field. */
        public static final String MEETING_TIME = "meetingTime";
        public static final String DURATION_MINUTES = "durationMinutes";
        public static final String PLACE = "place";
        public static final String ONLINE_LINK = "onlineLink";
        public static final String PLANNED_BY = "plannedBy";
        public static final String GANGMOEDE_ID = "gangmoedeId";
        /** When the meeting ends, ISO 8601 with offset: the recordGangmoede task comes then. */
        public static final String MEETING_END = "meetingEnd";
        /** The meeting's time and place in Danish, for the recordGangmoede form. */
        public static final String MEETING_SUMMARY = "meetingSummary";
        public static final String ATTENDEES = "attendees";
        public static final String AGREEMENTS = "agreements";
        public static final String RECORDED_BY = "recordedBy";

        private Vars() {
        }
    }

    /** Spring beans the BPMN refers to. */
    public static final class Beans {
        public static final String SCHEDULE = "gangmoedeSchedule";
        public static final String PROPOSE_AGENDA = "proposeAgenda";
        public static final String SEND_INVITATIONS = "sendGangmoedeInvitations";
        public static final String MARK_TOPICS_COVERED = "markTopicsCovered";
        public static final String COMPLETED_BY = "gangmoedeCompletedBy";

        private Beans() {
        }
    }

    private GangmoedeProcess() {
    }
}
