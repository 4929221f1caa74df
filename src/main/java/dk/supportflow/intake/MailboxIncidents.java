package dk.supportflow.intake;

import dk.supportflow.notification.IntakeSettings;
import dk.supportflow.platform.OutageIncidents;
import dk.supportflow.process.MailIntakeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The support mailbox's outages: an incident of type {@value #INCIDENT_TYPE} at {@code Event_MailboxRecovered}. */
@Component(MailIntakeProcess.Beans.INCIDENT)
class MailboxIncidents extends OutageIncidents {

    static final String INCIDENT_TYPE = "mailIntake";

    private final IntakeSettings settings;
    private final IntakeStateRepository states;

    MailboxIncidents(RuntimeService runtimeService, IntakeSettings settings, IntakeStateRepository states) {
        super(runtimeService, INCIDENT_TYPE, MailIntakeProcess.Messages.RECOVERED);
        this.settings = settings;
        this.states = states;
    }

    @Override
    protected String source() {
        return settings.describe();
    }

    @Override
    protected String message() {
        IntakeState state = states.findById(IntakeState.ID).orElseThrow();
        return "Supportpostkassen " + settings.describe() + " kunne ikke læses " + state.getConsecutiveFailures()
                + " gange i træk (sidste fejl: " + state.getLastFailure() + "). Mails til support venter i "
                + "postkassen; Supportflow prøver igen ved hver læsning, og hændelsen løses af sig selv, når "
                + "postkassen kan læses igen. Tjek adgangen til postkassen (server, brugernavn og adgangskode).";
    }
}
