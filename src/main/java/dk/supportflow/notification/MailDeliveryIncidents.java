package dk.supportflow.notification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a mail that could not be delivered visible in Cockpit: an incident of type
 * {@value #INCIDENT_TYPE} on the case's process instance, with the outbox id as its
 * configuration. Retrying the mail ({@code POST /api/mails/{id}/retry}) resolves it.
 */
@Component
public class MailDeliveryIncidents {

    public static final String INCIDENT_TYPE = "mailDelivery";
    private static final int SUBJECT_START = 60;
    private static final Logger LOG = LoggerFactory.getLogger(MailDeliveryIncidents.class);

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;

    public MailDeliveryIncidents(JdbcTemplate jdbc, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
    }

    /** The mail has been given up. */
    void report(OutboxMail mail, String lastFailure) {
        Optional<String> process = runningProcessOf(mail.getCaseNumber());
        if (process.isEmpty()) {
            // no personal data: the outbox id and the case number only
            LOG.error("Mail {} of case {} could not be delivered after {} attempts. The case has no running process, "
                    + "so there is no incident in Cockpit. Resend it with POST /api/mails/{}/retry", mail.getId(),
                    mail.getCaseNumber(), mail.getAttempts(), mail.getId());
            return;
        }
        try {
            runtimeService.createIncident(INCIDENT_TYPE, process.get(), String.valueOf(mail.getId()),
                    message(mail, lastFailure));
        } catch (RuntimeException e) {
            // the mail stays FAILED either way; this line is then the only trace for operations
            LOG.error("Mail {} of case {} could not be delivered after {} attempts, and no incident could be created. "
                    + "Resend it with POST /api/mails/{}/retry", mail.getId(), mail.getCaseNumber(), mail.getAttempts(),
                    mail.getId(), e);
        }
    }

    /** The mail is being sent again: its incident is no longer an open problem. */
    void resolve(Long mailId) {
        runtimeService.createIncidentQuery().incidentType(INCIDENT_TYPE).configuration(String.valueOf(mailId)).list()
                .forEach(incident -> runtimeService.resolveIncident(incident.getId()));
    }

    /** Says which mail in Danish, for operations in Cockpit; the subject's start, never the address. */
    static String message(OutboxMail mail, String lastFailure) {
        String subject = mail.getSubject().length() <= SUBJECT_START ? mail.getSubject()
                : mail.getSubject().substring(0, SUBJECT_START) + "…";
        return "Mailen med outbox-id " + mail.getId() + " kunne ikke afleveres efter " + mail.getAttempts()
                + " forsøg (sidste fejl: " + lastFailure + "). Emne: \"" + subject + "\". "
                + "Send den igen med POST /api/mails/" + mail.getId() + "/retry, når mailserveren virker igen.";
    }

    /**
     * The case's process instance while it runs. The case table belongs to the cases feature; this
     * one column is read directly, so that notification does not depend on cases, which uses it.
     */
    private Optional<String> runningProcessOf(String caseNumber) {
        if (caseNumber == null) {
            return Optional.empty();
        }
        List<String> ids = jdbc.queryForList("select process_instance_id from support_case where case_number = ?",
                String.class, caseNumber);
        return ids.stream().filter(Objects::nonNull).findFirst()
                .filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() == 1)
                .map(this::activityExecution);
    }

    /**
     * An incident belongs to an execution at an activity; the process instance's own execution is
     * not one while a task has boundary events (its reminders), so the first active activity's is taken.
     */
    private String activityExecution(String processInstanceId) {
        ActivityInstance activity = runtimeService.getActivityInstance(processInstanceId);
        while (activity != null && activity.getChildActivityInstances().length > 0) {
            activity = activity.getChildActivityInstances()[0];
        }
        return activity == null || activity.getExecutionIds().length == 0 ? processInstanceId : activity.getExecutionIds()[0];
    }
}
