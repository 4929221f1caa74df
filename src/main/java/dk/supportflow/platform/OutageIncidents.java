package dk.supportflow.platform;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * One incident per outage of something read on a timer from outside (the driftsside's feed, the
 * support mailbox): after the threshold of failed reads in a row, the instance of that read waits
 * at its "read again" event with an incident of the given type (this is the start listener
 * there); the next read that works resolves it and lets the instance end.
 */
public abstract class OutageIncidents implements ExecutionListener {

    private final RuntimeService runtimeService;
    private final String incidentType;
    private final String recoveredMessage;

    protected OutageIncidents(RuntimeService runtimeService, String incidentType, String recoveredMessage) {
        this.runtimeService = runtimeService;
        this.incidentType = incidentType;
        this.recoveredMessage = recoveredMessage;
    }

    /** What the incident is about (the address read), shown as its configuration in Cockpit. */
    protected abstract String source();

    /** The incident's Danish message for the operator: how often it failed, and what to check. */
    protected abstract String message();

    @Override
    public void notify(DelegateExecution execution) {
        execution.createIncident(incidentType, source(), message());
    }

    /** It can be read again: the open incidents are resolved and their instances end. */
    public void resolveAll() {
        runtimeService.createIncidentQuery().incidentType(incidentType).list()
                .forEach(incident -> runtimeService.resolveIncident(incident.getId()));
        runtimeService.createMessageCorrelation(recoveredMessage).correlateAllWithResult();
    }
}
