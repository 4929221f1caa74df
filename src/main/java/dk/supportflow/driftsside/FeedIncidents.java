package dk.supportflow.driftsside;

import dk.supportflow.process.DriftssideProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * One incident per outage of the driftsside: when the feed has failed the threshold number of
 * times in a row, the watcher instance of that read waits at {@code Event_FeedRecovered} with an
 * incident of type {@value #INCIDENT_TYPE} (this is the start listener there). The next
 * successful read resolves it and lets the instance end.
 */
@Component(DriftssideProcess.Beans.FEED_INCIDENT)
public class FeedIncidents implements ExecutionListener {

    public static final String INCIDENT_TYPE = "driftssideFeed";

    private final RuntimeService runtimeService;
    private final DriftssideSettings settings;
    private final FeedStateRepository states;

    public FeedIncidents(RuntimeService runtimeService, DriftssideSettings settings, FeedStateRepository states) {
        this.runtimeService = runtimeService;
        this.settings = settings;
        this.states = states;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FeedState state = states.findById(FeedState.ID).orElseThrow();
        execution.createIncident(INCIDENT_TYPE, settings.url(),
                "Driftssiden " + settings.url() + " kunne ikke læses " + state.getConsecutiveFailures()
                        + " gange i træk (sidste fejl: " + state.getLastFailure() + "). Supportflow prøver igen ved hvert tjek, "
                        + "og hændelsen løses af sig selv, når driftssiden kan læses igen. Tjek adressen på driftssiden "
                        + "i opsætningen, og om driftssiden er oppe; følg imens med på driftssiden selv.");
    }

    /** The driftsside can be read again: the open incidents are resolved and their instances end. */
    void resolveAll() {
        runtimeService.createIncidentQuery().incidentType(INCIDENT_TYPE).list()
                .forEach(incident -> runtimeService.resolveIncident(incident.getId()));
        runtimeService.createMessageCorrelation(DriftssideProcess.Messages.FEED_RECOVERED)
                .correlateAllWithResult();
    }
}
