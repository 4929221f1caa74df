package dk.supportflow.process;

import java.util.Set;

/**
 * The contract of the {@code driftssideWatch} BPMN process: a timer start that reads the
 * driftsside, and a message start that has one new driftsside message reviewed by the
 * driftsansvarlige. Everything that talks to the process uses these names.
 */
public final class DriftssideProcess {

    public static final String PROCESS_KEY = "driftssideWatch";

    public static final class Tasks {
        public static final String REVIEW = "reviewDriftsbesked";

        private Tasks() {
        }
    }

    public static final class Elements {
        public static final String TIMER_START = "StartEvent_DriftssideDue";
        public static final String TASK_FETCH = "Task_FetchDriftsside";
        public static final String GATEWAY_FEED_READ = "Gateway_FeedRead";
        public static final String EVENT_FEED_RECOVERED = "Event_FeedRecovered";
        public static final String END_FEED_READ = "EndEvent_DriftssideChecked";
        public static final String END_TRY_NEXT_TIME = "EndEvent_TryAgainNextTime";
        public static final String END_FEED_RECOVERED = "EndEvent_FeedRecovered";
        public static final String MESSAGE_START = "StartEvent_MessageRegistered";
        public static final String TASK_APPLY_REVIEW = "Task_ApplyReview";
        public static final String GATEWAY_PASS_ON = "Gateway_PassOn";
        public static final String TASK_MAIL_MESSAGE = "Task_MailDriftsbesked";
        public static final String END_REVIEWED = "EndEvent_MessageReviewed";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Starts the review of one stored driftsside message; business key {@code DRIFT-<id>}. */
        public static final String MESSAGE_REGISTERED = "DriftsbeskedRegistered";
        /** Ends the wait of a watcher instance whose incident says that the driftsside cannot be read. */
        public static final String FEED_RECOVERED = "DriftssideFeedRecovered";

        private Messages() {
        }
    }

    public static final class Vars {
        /** Set by the fetch: read | off | failed | down (see {@link FeedStatus}). */
        public static final String FEED_STATUS = "feedStatus";
        public static final String NEW_MESSAGES = "newMessages";

        public static final String MESSAGE_ID = "driftsbeskedId";
        /** "title" as in supportCase, so that the Tasklist filters show it in their Titel column. */
        public static final String TITLE = "title";
        public static final String SUMMARY = "summary";
        public static final String LINK = "link";
        public static final String KIND = "kind";
        public static final String KIND_NAME = "kindName";
        public static final String PUBLISHED = "published";
        /** Text list of the open known errors, for a release note: which ones does it fix? */
        public static final String OPEN_KNOWN_ERRORS = "openKnownErrors";
        /** Prepared for the review form only (tasks.FormDisplay): local to the task, never in the history. */
        public static final Set<String> FORM_DISPLAY = Set.of(OPEN_KNOWN_ERRORS);

        // the review
        public static final String REVIEW_OUTCOME = "reviewOutcome";
        public static final String KNOWN_ERROR_SYMPTOM = "knownErrorSymptom";
        public static final String KNOWN_ERROR_COMPONENT = "knownErrorComponent";
        public static final String KNOWN_ERROR_WORKAROUND = "knownErrorWorkaround";
        public static final String FIXED_KNOWN_ERRORS = "fixedKnownErrors";
        public static final String SHARE_WITH_CASEWORKERS = "shareWithCaseworkers";
        public static final String SHARE_WITH_SUPPORT = "shareWithSupport";
        public static final String SHARE_MESSAGE = "shareMessage";

        private Vars() {
        }
    }

    /** Values of {@link Vars#REVIEW_OUTCOME}. */
    public static final class Outcomes {
        public static final String KNOWN_ERROR = "knownError";
        public static final String RELEASE_NOTE = "releaseNote";
        public static final String INFORMATION = "information";
        public static final String NOISE = "noise";

        private Outcomes() {
        }
    }

    public static final class Beans {
        /** Bean whose timerCycle() is the timer start's cycle (R/PT15M). */
        public static final String SETTINGS = "driftssideSettings";
        public static final String FETCH = "fetchDriftsside";
        public static final String FEED_INCIDENT = "driftssideFeedIncident";
        public static final String OPEN_KNOWN_ERRORS = "openKnownErrorsListener";
        public static final String APPLY_REVIEW = "applyDriftsbeskedReview";
        public static final String MAIL_MESSAGE = "mailDriftsbesked";

        private Beans() {
        }
    }

    /** The business key of a message's review instance, also the key of its mails. */
    public static String businessKey(long messageId) {
        return "DRIFT-" + messageId;
    }

    private DriftssideProcess() {
    }
}
