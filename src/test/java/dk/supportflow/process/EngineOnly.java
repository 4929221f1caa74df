package dk.supportflow.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.mockito.Mockito;

/**
 * The tier of process tests on the engine alone: one BPMN (and its decisions) deployed to an
 * in-memory engine with history and without a job executor (jobs run when the test says), every
 * bean the model names replaced by a Mockito mock. Fast (no Spring, no application), and it
 * tests the paths of the model: gateways, events, timers, which delegate runs when.
 */
final class EngineOnly {

    private final Map<Object, Object> beans = new HashMap<>();
    private final List<Object> mocks = new ArrayList<>();
    private final ProcessEngine engine;

    private EngineOnly(Map<String, Object> fixedBeans, String... delegateBeans) {
        for (String name : delegateBeans) {
            Object mock = mock(JavaDelegate.class, withSettings().name(name).extraInterfaces(TaskListener.class, ExecutionListener.class));
            beans.put(name, mock);
            mocks.add(mock);
        }
        beans.putAll(fixedBeans);
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("engine-only-" + UUID.randomUUID());
        configuration.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setBeans(beans);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setMetricsEnabled(false);
        engine = configuration.buildProcessEngine();
    }

    /** An engine with these models from processes/ deployed and these beans as mocks, the one camunda-bpm-assert uses. */
    static EngineOnly deploying(Map<String, Object> fixedBeans, String[] models, String... delegateBeans) {
        EngineOnly engineOnly = new EngineOnly(fixedBeans, delegateBeans);
        DeploymentBuilder deployment = engineOnly.engine.getRepositoryService().createDeployment();
        for (String model : models) {
            try {
                deployment.addString(model, Files.readString(Path.of("processes", model)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        deployment.deploy();
        BpmnAwareTests.init(engineOnly.engine);
        return engineOnly;
    }

    ProcessEngine engine() {
        return engine;
    }

    /** The mock named in the model, as the interface the model calls it by. */
    @SuppressWarnings("unchecked")
    <T> T bean(String name) {
        return (T) beans.get(name);
    }

    /** Forgets every call and answer of the mocks: each test starts afresh. */
    void resetMocks() {
        mocks.forEach(Mockito::reset);
    }

    void close() {
        BpmnAwareTests.reset();
        engine.close();
    }
}
