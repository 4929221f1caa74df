package dk.supportflow.minsupport;

import dk.supportflow.process.SupportCaseProcess;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The waits of {@code supportCase}, used by its timer expressions as {@code ${caseTimers...}}.
 * Values are ISO 8601 durations (PT4H, P1D), configured under {@code supportflow.timers} and
 * checked at start-up, so a typo stops the application instead of a case.
 */
@Component(SupportCaseProcess.Beans.CASE_TIMERS)
public class CaseTimers {

    private final String integrationRetryWait;
    private final Map<String, String> followUp;
    private final String changeRequestFollowUp;
    private final String reporterReminder;
    private final String reporterSilent;
    private final String taskReminder;

    public CaseTimers(@Value("${supportflow.timers.integration-retry-wait}") String integrationRetryWait,
            @Value("${supportflow.timers.follow-up.kritisk}") String kritisk,
            @Value("${supportflow.timers.follow-up.hoej}") String hoej,
            @Value("${supportflow.timers.follow-up.medium}") String medium,
            @Value("${supportflow.timers.follow-up.lav}") String lav,
            @Value("${supportflow.timers.follow-up.aendringsoenske}") String aendringsoenske,
            @Value("${supportflow.timers.reporter-reminder}") String reporterReminder,
            @Value("${supportflow.timers.reporter-silent}") String reporterSilent,
            @Value("${supportflow.timers.task-reminder}") String taskReminder) {
        this.integrationRetryWait = requireDuration("integration-retry-wait", integrationRetryWait);
        this.followUp = Map.of(
                "kritisk", requireDuration("follow-up.kritisk", kritisk),
                "hoej", requireDuration("follow-up.hoej", hoej),
                "medium", requireDuration("follow-up.medium", medium),
                "lav", requireDuration("follow-up.lav", lav));
        this.changeRequestFollowUp = requireDuration("follow-up.aendringsoenske", aendringsoenske);
        this.reporterReminder = requireDuration("reporter-reminder", reporterReminder);
        this.reporterSilent = requireDuration("reporter-silent", reporterSilent);
        this.taskReminder = requireDuration("task-reminder", taskReminder);
    }

    /** provideMoreInfo: when the reporter is reminded to answer. */
    public String reporterReminder() {
        return reporterReminder;
    }

    /** provideMoreInfo: when the case handler learns that the reporter has not answered. */
    public String reporterSilent() {
        return reporterSilent;
    }

    /** followUpMinSupport, forwardAnswer, planKnowledgeSharing: a reminder this often while the task lies. */
    public String taskReminderCycle() {
        return "R/" + taskReminder;
    }

    /** How long to wait before trying an integration again (waitAndRetry). */
    public String integrationRetryWait() {
        return integrationRetryWait;
    }

    /**
     * How long until the next follow-up of a MinSupport case: by criticality for bugs and
     * support requests, at its own slow pace for a change request (ændringsønske).
     */
    public String followUpInterval(String ticketType, String criticality) {
        if (MinSupportRules.CHANGE_REQUEST.equals(ticketType)) {
            return changeRequestFollowUp;
        }
        String interval = followUp.get(criticality);
        if (interval == null) {
            throw new IllegalArgumentException("No follow-up interval for criticality '" + criticality + "'");
        }
        return interval;
    }

    private static String requireDuration(String name, String value) {
        try {
            if (value.contains("T")) {
                Duration.parse(value);
            } else {
                Period.parse(value);
            }
            return value;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("supportflow.timers." + name + " is not an ISO 8601 duration: " + value);
        }
    }
}
