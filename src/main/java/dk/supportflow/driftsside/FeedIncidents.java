package dk.supportflow.driftsside;

import dk.supportflow.platform.OutageIncidents;
import dk.supportflow.process.DriftssideProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The driftsside's outages: an incident of type {@value #INCIDENT_TYPE} at {@code Event_FeedRecovered}. */
@Component(DriftssideProcess.Beans.FEED_INCIDENT)
public class FeedIncidents extends OutageIncidents {

    public static final String INCIDENT_TYPE = "driftssideFeed";

    private final DriftssideSettings settings;
    private final FeedStateRepository states;

    public FeedIncidents(RuntimeService runtimeService, DriftssideSettings settings, FeedStateRepository states) {
        super(runtimeService, INCIDENT_TYPE, DriftssideProcess.Messages.FEED_RECOVERED);
        this.settings = settings;
        this.states = states;
    }

    @Override
    protected String source() {
        return settings.url();
    }

    @Override
    protected String message() {
        FeedState state = states.findById(FeedState.ID).orElseThrow();
        return "Driftssiden " + settings.url() + " kunne ikke læses " + state.getConsecutiveFailures()
                + " gange i træk (sidste fejl: " + state.getLastFailure() + "). Supportflow prøver igen ved hvert tjek, "
                + "og hændelsen løses af sig selv, når driftssiden kan læses igen. Tjek adressen på driftssiden "
                + "i opsætningen, og om driftssiden er oppe; følg imens med på driftssiden selv.";
    }
}
