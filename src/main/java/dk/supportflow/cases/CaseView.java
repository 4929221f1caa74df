package dk.supportflow.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as the API shows it. The CPR number only ever appears masked (ddmmyy-xxxx). */
public record CaseView(
        String caseNumber,
        String processInstanceId,
        String stage,
        String stageName,
        String outcome,
        String errorClass,
        String minSupportCaseNumber,
        String criticality,
        String answer,
        String title,
        String reporter,
        String workingOn,
        String stepsTaken,
        String expected,
        String actual,
        String triedSoFar,
        String errorMessage,
        String component,
        String cpr,
        String kpCaseId,
        String kpTaskKey,
        boolean paymentBlocked,
        LocalDate availableDate,
        Instant createdAt,
        Instant closedAt,
        List<OpenTask> openTasks,
        List<Information> information,
        WaitingTime waitingTime,
        /** error, supportRequest or changeRequest. */
        String kind,
        String otherCasesAffected,
        String kpTaskId,
        /** The supportberettiget who registered the case for the reporter, and how it came in; null when the reporter filed it. */
        String registeredBy,
        String channel,
        /** MinSupport's questions and the reporter's answers, oldest first. */
        List<DialogueLine> minSupportDialogue,
        /** The closed case this case follows up (opened by a reply to it), or null. */
        String followsCase,
        /** The cases opened by replies to this one after it was closed, oldest first. */
        List<String> followedBy) {

    /** A turn of the dialogue with MinSupport: when, who ("MinSupport" or the reporter's name) and what. */
    public record DialogueLine(Instant at, String from, String text) {
    }

    public record OpenTask(String taskId, String taskKey, String name, String assignee) {
    }

    public record Information(String source, String text, Instant receivedAt) {
    }

    /**
     * Whose clock is it: how long the case has waited on each party, as ISO 8601 durations
     * (running waits counted up to now), and who it waits on now (municipality, reporter, vendor
     * or integration; absent once the case is closed). See docs/process-guide.md, "Hvem venter vi på?".
     */
    public record WaitingTime(String municipality, String reporter, String vendor, String integration,
            String currentlyWaitingOn) {
    }
}
