package dk.supportflow.intake;

import dk.supportflow.notification.IntakeSettings;
import dk.supportflow.process.MailIntakeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * One incident per outage of the support mailbox: after the threshold of failed reads in a row,
 * the instance of that read waits at {@code Event_MailboxRecovered} with an incident of type
 * {@value #INCIDENT_TYPE}; the next read that works resolves it and lets the instance end.
 */
@Component(MailIntakeProcess.Beans.INCIDENT)
class MailboxIncidents implements ExecutionListener {

    static final String INCIDENT_TYPE = "mailIntake";

    private final RuntimeService runtimeService;
    private final IntakeSettings settings;
    private final IntakeStateRepository states;

    MailboxIncidents(RuntimeService runtimeService, IntakeSettings settings, IntakeStateRepository states) {
        this.runtimeService = runtimeService;
        this.settings = settings;
        this.states = states;
    }

    @Override
    public void notify(DelegateExecution execution) {
        IntakeState state = states.findById(IntakeState.ID).orElseThrow();
        execution.createIncident(INCIDENT_TYPE, settings.describe(),
                "Supportpostkassen " + settings.describe() + " kunne ikke læses " + state.getConsecutiveFailures()
                        + " gange i træk (sidste fejl: " + state.getLastFailure() + "). Mails til support venter i "
                        + "postkassen; Supportflow prøver igen ved hver læsning, og hændelsen løses af sig selv, når "
                        + "postkassen kan læses igen. Tjek adgangen til postkassen (server, brugernavn og adgangskode).");
    }

    /** The mailbox can be read again: the open incidents are resolved and their instances end. */
    void resolveAll() {
        runtimeService.createIncidentQuery().incidentType(INCIDENT_TYPE).list()
                .forEach(incident -> runtimeService.resolveIncident(incident.getId()));
        runtimeService.createMessageCorrelation(MailIntakeProcess.Messages.RECOVERED).correlateAllWithResult();
    }
}
