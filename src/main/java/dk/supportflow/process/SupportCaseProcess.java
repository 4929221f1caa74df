package dk.supportflow.process;

import java.util.Map;
import java.util.Set;

/**
 * The contract of the {@code supportCase} BPMN process: its key, element ids, message names and
 * variable names. Everything that talks to the process (delegates, REST API, tests) uses these.
 */
public final class SupportCaseProcess {

    public static final String PROCESS_KEY = "supportCase";

    /** User tasks: the element id is the task definition key. */
    public static final class Tasks {
        /** A report that came by mail: the supportberettigede fill in the training's questions, or ask the reporter. */
        public static final String TRIAGE_MAIL = "triageMail";
        public static final String ANALYSE_ERROR = "analyseError";
        public static final String PROVIDE_MORE_INFO = "provideMoreInfo";
        public static final String RETRY_INTEGRATION = "retryIntegration";
        /** Follow an existing MinSupport case or prepare a new one: type, title, criticality, description. */
        public static final String PREPARE_MINSUPPORT_REPORT = "prepareMinSupportReport";
        /** The finished draft to copy into MinSupport; asks only for the MinSupport case number. */
        public static final String REPORT_TO_MINSUPPORT = "reportToMinSupport";
        public static final String FOLLOW_UP_MINSUPPORT = "followUpMinSupport";
        /** MinSupport asked something only the reporter can answer: assigned to the reporter. */
        public static final String ANSWER_MINSUPPORT_QUESTION = "answerMinSupportQuestion";
        public static final String FORWARD_ANSWER = "forwardAnswer";
        public static final String PLAN_KNOWLEDGE_SHARING = "planKnowledgeSharing";

        private Tasks() {
        }
    }

    /** Other flow elements. */
    public static final class Elements {
        public static final String START_EVENT = "StartEvent_CaseReported";
        public static final String GATEWAY_REPORTED_BY_MAIL = "Gateway_ReportedByMail";
        public static final String GATEWAY_TRIAGE_OUTCOME = "Gateway_TriageOutcome";
        public static final String TASK_APPLY_TRIAGE = "Task_ApplyTriage";
        public static final String GATEWAY_ANALYSIS_OUTCOME = "Gateway_AnalysisOutcome";
        public static final String TASK_MAIL_QUESTION = "Task_MailQuestion";
        public static final String TIMER_WAIT_INTEGRATION = "Event_WaitForIntegration";
        public static final String GATEWAY_RETRY_OUTCOME = "Gateway_RetryOutcome";
        public static final String TASK_SUGGEST_CRITICALITY = "Task_SuggestCriticality";
        public static final String SUBPROCESS_AWAIT_MINSUPPORT = "SubProcess_AwaitMinSupport";
        public static final String TIMER_FOLLOW_UP_DUE = "Event_FollowUpDue";
        public static final String TASK_MAIL_FOLLOW_UP_REMINDER = "Task_MailFollowUpReminder";
        public static final String GATEWAY_MINSUPPORT_ANSWERED = "Gateway_MinSupportAnswered";
        public static final String GATEWAY_CRITICALITY_CHANGED = "Gateway_CriticalityChanged";
        public static final String TASK_CHANGE_CRITICALITY = "Task_ChangeCriticality";
        public static final String BOUNDARY_MINSUPPORT_ANSWER = "Event_MinSupportAnswerReceived";
        public static final String END_MINSUPPORT_ASKS = "EndEvent_MinSupportAsks";
        public static final String END_ANSWERED_AT_FOLLOW_UP = "EndEvent_AnsweredAtFollowUp";
        public static final String END_REPORTER_REMINDED = "EndEvent_ReporterReminded";
        public static final String END_REPORTER_SILENT_TOLD = "EndEvent_ReporterSilentTold";
        public static final String END_INFORMATION_REGISTERED = "EndEvent_InformationRegistered";
        public static final String TIMER_REPORTER_REMINDER = "Event_ReporterReminderDue";
        public static final String TIMER_REPORTER_SILENT = "Event_ReporterSilent";
        public static final String TASK_REMIND_REPORTER = "Task_RemindReporter";
        public static final String TASK_TELL_REPORTER_SILENT = "Task_TellReporterSilent";
        public static final String TIMER_FOLLOW_UP_REMINDER = "Event_FollowUpTaskReminderDue";
        public static final String TASK_REMIND_FOLLOW_UP = "Task_RemindFollowUp";
        public static final String TIMER_FORWARD_REMINDER = "Event_ForwardAnswerReminderDue";
        public static final String TASK_REMIND_FORWARD = "Task_RemindForwardAnswer";
        public static final String TIMER_PLAN_REMINDER = "Event_PlanSharingReminderDue";
        public static final String TASK_REMIND_PLAN = "Task_RemindPlanSharing";
        public static final String GATEWAY_MINSUPPORT_OUTCOME = "Gateway_MinSupportOutcome";
        public static final String BOUNDARY_MINSUPPORT_QUESTION = "Event_MinSupportQuestionReceived";
        public static final String TASK_PASS_ON_QUESTION = "Task_PassOnMinSupportQuestion";
        public static final String TASK_PASS_ON_FURTHER_QUESTION = "Task_PassOnFurtherQuestion";
        public static final String BOUNDARY_FURTHER_QUESTION = "Event_FurtherQuestionReceived";
        public static final String BOUNDARY_ANSWER_WHILE_REPORTER_ANSWERS = "Event_AnswerWhileReporterAnswers";
        public static final String TASK_PASS_ON_REPORTER_ANSWER = "Task_PassOnReporterAnswer";
        public static final String TASK_MAIL_ANSWER = "Task_MailAnswer";
        public static final String GATEWAY_SHARE = "Gateway_ShareWithCaseworkers";
        public static final String TASK_MAIL_CASEWORKERS = "Task_MailCaseworkers";
        public static final String TASK_CLOSE_CASE = "Task_CloseCase";
        public static final String TASK_REGISTER_ERROR_PATTERN = "Task_RegisterErrorPattern";
        public static final String END_EVENT_CASE_CLOSED = "EndEvent_CaseClosed";
        public static final String SUBPROCESS_CASE_INFORMATION = "SubProcess_CaseInformation";
        public static final String START_CASE_INFORMATION = "StartEvent_CaseInformationAdded";
        public static final String TASK_REGISTER_CASE_INFORMATION = "Task_RegisterCaseInformation";
        public static final String SUBPROCESS_KNOWN_ERROR = "SubProcess_KnownError";
        public static final String START_KNOWN_ERROR_REPORTED = "StartEvent_KnownErrorReported";
        public static final String TASK_REGISTER_KNOWN_ERROR = "Task_RegisterKnownError";

        private Elements() {
        }
    }

    /**
     * Whose turn it is while an activity is active (docs/process-guide.md, "Hvem venter vi på?"):
     * the reporter's, the vendor's or the failing integration's; all other time is the
     * municipality's. The waiting times (waitingtime.Party) and the case list read these.
     */
    public static final class Waiting {
        public static final Set<String> ON_REPORTER = Set.of(Tasks.PROVIDE_MORE_INFO, Tasks.ANSWER_MINSUPPORT_QUESTION);
        public static final Set<String> ON_VENDOR = Set.of(Elements.SUBPROCESS_AWAIT_MINSUPPORT);
        public static final Set<String> ON_INTEGRATION = Set.of(Elements.TIMER_WAIT_INTEGRATION);

        private Waiting() {
        }
    }

    public static final class Messages {
        public static final String MINSUPPORT_ANSWER_RECEIVED = "MinSupportAnswerReceived";
        public static final String CASE_INFORMATION_ADDED = "CaseInformationAdded";
        /** A known error from the driftsside matches the case (driftsside.KnownErrorLinks); by business key. */
        public static final String KNOWN_ERROR_REPORTED = "KnownErrorReported";
        /** MinSupport asked a question (POST /api/minsupport/{n}/question); by MinSupport case number. */
        public static final String MINSUPPORT_QUESTION_RECEIVED = "MinSupportQuestionReceived";

        private Messages() {
        }
    }

    public static final class Vars {
        // the report (start form / POST /api/cases); never the CPR number
        public static final String CASE_NUMBER = "caseNumber";
        public static final String REPORTER = "reporter";
        /** The reporter's name, for the forms ("indberettet af …"). */
        public static final String REPORTER_NAME = "reporterName";
        /** Who registered the case for the reporter and how it came in, as a Danish line; absent when the reporter filed it. */
        public static final String REGISTERED_BY_NOTE = "registeredByNote";
        public static final String TITLE = "title";
        public static final String WORKING_ON = "workingOn";
        public static final String STEPS_TAKEN = "stepsTaken";
        public static final String EXPECTED = "expected";
        public static final String ACTUAL = "actual";
        public static final String TRIED_SO_FAR = "triedSoFar";
        public static final String ERROR_MESSAGE = "errorMessage";
        public static final String COMPONENT = "component";
        public static final String KP_CASE_ID = "kpCaseId";
        public static final String KP_TASK_KEY = "kpTaskKey";
        /** Opgave-ID: the KP task's id, where the error is on a task. */
        public static final String KP_TASK_ID = "kpTaskId";
        /** What the request is about: a value of {@link Kinds}; error when not given. */
        public static final String KIND = "kind";
        /** true for a case that came by mail: it starts with triageMail. */
        public static final String TRIAGE = "triage";
        /** triageMail's decision: ready | needMoreInfo. */
        public static final String TRIAGE_OUTCOME = "triageOutcome";
        /** How a case registered on behalf of a superbruger reached support: a value of {@link Channels}. */
        public static final String CHANNEL = "channel";
        public static final String PAYMENT_BLOCKED = "paymentBlocked";
        public static final String AVAILABLE_DATE = "availableDate";
        /** Only on the Tasklist start form; taken out of the variables by the intake listener. */
        public static final String CPR = "cpr";
        public static final String CPR_REGISTERED = "cprRegistered";
        /** Advice on the reporter's title (the training's good title), shown on analyseError; one per line. */
        public static final String TITLE_FINDINGS = "titleFindings";

        // analysis
        public static final String OUTCOME = "outcome";
        public static final String ERROR_CLASS = "errorClass";
        public static final String ANSWER = "answer";
        public static final String QUESTION = "question";
        public static final String ADDITIONAL_INFO = "additionalInfo";
        public static final String CASE_HANDLER = "caseHandler";
        public static final String CASE_HANDLER_NAME = "caseHandlerName";
        /** The impact questions answered when escalating; input of the decision suggestCriticality. */
        public static final String CENTRAL_FUNCTION_HIT = "centralFunctionHit";
        public static final String WORKAROUND_AVAILABLE = "workaroundAvailable";
        public static final String WORK_BLOCKED = "workBlocked";

        // MinSupport
        public static final String MINSUPPORT_CASE_NUMBER = "minSupportCaseNumber";
        public static final String EXISTING_MINSUPPORT_CASE = "existingMinSupportCase";
        public static final String TICKET_TYPE = "ticketType";
        public static final String TICKET_TITLE = "ticketTitle";
        public static final String CRITICALITY = "criticality";
        public static final String SUGGESTED_CRITICALITY = "suggestedCriticality";
        public static final String CRITICALITY_JUSTIFICATION = "criticalityJustification";
        /** Text list of similar cases with a MinSupport number, shown on the prepareMinSupportReport form. */
        public static final String SIMILAR_MINSUPPORT_CASES = "similarMinSupportCases";
        public static final String MINSUPPORT_ANSWERED = "minSupportAnswered";
        public static final String MINSUPPORT_ANSWER = "minSupportAnswer";
        public static final String FOLLOW_UP_COUNT = "followUpCount";
        /** followUpMinSupport: MinSupport asks something only the reporter can answer ({@link #MINSUPPORT_QUESTION}). */
        public static final String MINSUPPORT_ASKS = "minSupportAsks";
        public static final String MINSUPPORT_QUESTION = "minSupportQuestion";
        /** answerMinSupportQuestion: the reporter's answer, passed on to the case handler. */
        public static final String REPORTER_ANSWER = "reporterAnswer";
        /** The dialogue with MinSupport as text for the forms; the case keeps it (cases.CaseDialogue). */
        public static final String MINSUPPORT_DIALOGUE = "minSupportDialogue";
        /** followUpMinSupport: change the criticality to {@link #NEW_CRITICALITY}, for {@link #CRITICALITY_CHANGE_REASON}. */
        public static final String CHANGE_CRITICALITY = "changeCriticality";
        public static final String NEW_CRITICALITY = "newCriticality";
        public static final String CRITICALITY_CHANGE_REASON = "criticalityChangeReason";
        /** accepted | rejected | planned: MinSupport's decision on an ændringsønske. */
        public static final String CHANGE_REQUEST_OUTCOME = "changeRequestOutcome";
        /** Optional, read by the MinSupport draft when set: the support type of a supportsag. */
        public static final String SUPPORT_TYPE = "supportType";
        /** Does the error occur on other cases? Given by the reporter, or at prepareMinSupportReport. */
        public static final String OTHER_CASES_AFFECTED = "otherCasesAffected";
        /** prepareMinSupportReport: the case handler's phone, asked once when their profile has none. */
        public static final String HANDLER_PHONE = "handlerPhone";
        /** Set when prepareMinSupportReport is created: true when the handler's profile has no phone. */
        public static final String HANDLER_PHONE_MISSING = "handlerPhoneMissing";
        /** The MinSupport draft as text for the reportToMinSupport form; never with the CPR number. */
        public static final String MINSUPPORT_DRAFT = "minSupportDraft";

        /** supportflow.links.*, shown on analyseError: the driftsside and KOMBIT's document library; null when not configured. */
        public static final String DRIFTSSIDE_URL = "driftssideUrl";
        public static final String DOCUMENT_LIBRARY_URL = "documentLibraryUrl";
        /** Text list of known errors like the case, shown first on the analyseError form. */
        public static final String KNOWN_ERROR_SUGGESTIONS = "knownErrorSuggestions";
        /** Text list of articles and solved cases like the case, shown on the analyseError form. */
        public static final String KNOWLEDGE_SUGGESTIONS = "knowledgeSuggestions";
        /**
         * Prepared for one task's form only (tasks.FormDisplay): local to the task, gone with it,
         * never in the history. Not the case's data; the case row and its tables hold that.
         */
        public static final Set<String> FORM_DISPLAY = Set.of(SIMILAR_MINSUPPORT_CASES, HANDLER_PHONE_MISSING,
                MINSUPPORT_DRAFT, DRIFTSSIDE_URL, DOCUMENT_LIBRARY_URL, KNOWN_ERROR_SUGGESTIONS, KNOWLEDGE_SUGGESTIONS);

        // knowledge sharing
        public static final String SHARE_WITH_CASEWORKERS = "shareWithCaseworkers";
        public static final String SHARE_MESSAGE = "shareMessage";
        /** The number of the knowledge article the case was solved with, if any (planKnowledgeSharing). */
        public static final String SOLVED_WITH_ARTICLE = "solvedWithArticle";

        // new information on the case (CaseInformationAdded)
        public static final String INFORMATION_SOURCE = "informationSource";
        public static final String INFORMATION_TEXT = "informationText";
        public static final String CASE_INFORMATION = "caseInformation";

        // known errors from the driftsside (KnownErrorReported, and the match at intake)
        /** Text: the known errors linked to the case, with workaround and link; shown on the task forms. */
        public static final String KNOWN_ERROR_NOTICE = "knownErrorNotice";

        private Vars() {
        }
    }

    /** Values of {@link Vars#KIND}: what the request is about ("Hvad drejer henvendelsen sig om?"). */
    public static final class Kinds {
        public static final String ERROR = "error";
        public static final String SUPPORT_REQUEST = "supportRequest";
        public static final String CHANGE_REQUEST = "changeRequest";
        public static final Map<String, String> NAMES = Map.of(
                ERROR, "En fejl i KP",
                SUPPORT_REQUEST, "En opgave, leverandøren kan løse for kommunen (supportsag)",
                CHANGE_REQUEST, "Et forslag til forbedring af KP (ændringsønske)");

        /** The MinSupport case type a request of this kind is reported as; null for an error (chosen when preparing). */
        public static String ticketType(String kind) {
            return switch (kind) {
                case SUPPORT_REQUEST -> TicketTypes.SUPPORT_REQUEST;
                case CHANGE_REQUEST -> TicketTypes.CHANGE_REQUEST;
                default -> null;
            };
        }

        private Kinds() {
        }
    }

    /** Values of {@link Vars#TICKET_TYPE}: the MinSupport case types. */
    public static final class TicketTypes {
        public static final String BUG = "fejlsag";
        public static final String SUPPORT_REQUEST = "supportsag";
        public static final String CHANGE_REQUEST = "aendringsoenske";

        private TicketTypes() {
        }
    }

    /** Values of {@link Vars#CHANNEL}: how a superbruger reached support when a case is registered on their behalf. */
    public static final class Channels {
        public static final String MAIL = "mail";
        public static final Map<String, String> NAMES = Map.of(
                "telefon", "en telefonsamtale",
                "mail", "en mail",
                "personligt", "en personlig henvendelse");

        /** How the channel reads in a Danish sentence ("efter en telefonsamtale"); null for none. */
        public static String phrase(String channel) {
            return channel == null ? null : NAMES.get(channel);
        }

        private Channels() {
        }
    }

    /** Values of {@link Vars#CHANGE_REQUEST_OUTCOME}: MinSupport's decision on a change request, with its Danish name. */
    public static final class ChangeRequestOutcomes {
        public static final Map<String, String> NAMES = Map.of(
                "accepted", "Accepteret",
                "rejected", "Afvist",
                "planned", "Planlagt");

        private ChangeRequestOutcomes() {
        }
    }

    /** Values of {@link Vars#OUTCOME}. */
    public static final class Outcomes {
        public static final String SOLVED_LOCALLY = "solvedLocally";
        public static final String NEED_MORE_INFO = "needMoreInfo";
        public static final String WAIT_AND_RETRY = "waitAndRetry";
        public static final String ESCALATE = "escalate";

        private Outcomes() {
        }
    }

    /** The DMN decision that suggests a criticality. */
    public static final String DECISION_SUGGEST_CRITICALITY = "suggestCriticality";

    /** Delegate and listener bean names bound in the BPMN with delegateExpression. */
    public static final class Beans {
        public static final String CASE_INTAKE = "caseIntakeListener";
        /** Task_ApplyTriage: the report as triageMail completed it goes to the case row. */
        public static final String APPLY_TRIAGE = "applyTriage";
        /** triageMail, complete: a CPR number typed in the triage goes to the case row, never a variable. */
        public static final String TRIAGE_CPR = "triageCprListener";
        public static final String TASK_COMPLETION_VALIDATOR = "taskCompletionValidator";
        public static final String CASE_HANDLER_RECORDER = "caseHandlerRecorder";
        /** Every user task, complete; SubProcess_AwaitMinSupport, start and end: the case row follows the process. */
        public static final String CASE_PROGRESS_RECORDER = "caseProgressRecorder";
        public static final String ANALYSIS_RESET = "analysisReset";
        public static final String SIMILAR_CASES = "similarCasesListener";
        /** Not "knowledgeSuggestions": that is a process variable, and variables shadow beans in expressions. */
        public static final String KNOWLEDGE_SUGGESTIONS = "knowledgeSuggestionsListener";
        /** analyseError, create: the links of supportflow.links.* for the form. */
        public static final String TROUBLESHOOTING_LINKS = "troubleshootingLinksListener";
        public static final String MAIL_QUESTION = "mailQuestionToReporter";
        public static final String MAIL_FOLLOW_UP_REMINDER = "mailFollowUpReminder";
        /** Task_PassOnMinSupportQuestion / Task_PassOnFurtherQuestion: keeps the question, mails the reporter. */
        public static final String PASS_ON_MINSUPPORT_QUESTION = "minSupportQuestionToReporter";
        /** Task_PassOnReporterAnswer: keeps the answer, mails the case handler. */
        public static final String PASS_ON_REPORTER_ANSWER = "reporterAnswerToCaseHandler";
        /** Task_ChangeCriticality; not "changeCriticality": that is a variable, and variables shadow beans. */
        public static final String CRITICALITY_CHANGE_RECORDER = "criticalityChangeRecorder";
        public static final String MAIL_ANSWER = "mailAnswerToReporter";
        public static final String MAIL_CASEWORKERS = "mailCaseworkers";
        public static final String CLOSE_CASE = "closeCase";
        public static final String REGISTER_ERROR_PATTERN = "registerErrorPattern";
        public static final String REGISTER_CASE_INFORMATION = "registerCaseInformation";
        /** Start listener of StartEvent_CaseInformationAdded: keeps the event's information when it arrives. */
        public static final String CASE_INFORMATION_INTAKE = "caseInformationIntakeListener";
        public static final String MINSUPPORT_DRAFT_LISTENER = "minSupportDraftListener";
        /** Start listener of the case: links the known errors a new case matches (driftsside.KnownErrorIntakeListener). */
        public static final String KNOWN_ERROR_INTAKE = "knownErrorIntakeListener";
        /** Task_RegisterKnownError (driftsside.RegisterKnownErrorDelegate). */
        public static final String REGISTER_KNOWN_ERROR = "registerKnownError";
        /** prepareMinSupportReport, create and complete: asks for the handler's phone once and keeps it in their profile. */
        public static final String HANDLER_PHONE = "handlerPhoneListener";
        /** The reminder tasks after the non-interrupting reminder timers (cases.ReminderDelegate). */
        public static final String REMINDER = "reminderMail";
        /** Bean whose methods give timer durations: integrationRetryWait(), followUpInterval(criticality). */
        public static final String CASE_TIMERS = "caseTimers";
        /** Bean whose of(execution) gives the case row's reporter (cases.CaseReporter), e.g. provideMoreInfo's assignee. */
        public static final String CASE_REPORTER = "caseReporter";

        private Beans() {
        }
    }

    private SupportCaseProcess() {
    }
}
