package dk.supportflow.driftsside;

import dk.supportflow.process.DriftssideProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** A process instance that has already ended, by id, for camunda-bpm-assert (which then reads the history). */
record EndedInstance(String id) implements ProcessInstance {

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getProcessInstanceId() {
        return id;
    }

    @Override
    public boolean isEnded() {
        return true;
    }

    @Override
    public boolean isSuspended() {
        return false;
    }

    @Override
    public String getProcessDefinitionId() {
        return null;
    }

    @Override
    public String getProcessDefinitionKey() {
        return DriftssideProcess.PROCESS_KEY;
    }

    @Override
    public String getBusinessKey() {
        return null;
    }

    @Override
    public String getRootProcessInstanceId() {
        return id;
    }

    @Override
    public String getCaseInstanceId() {
        return null;
    }

    @Override
    public String getTenantId() {
        return null;
    }
}
