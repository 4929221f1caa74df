package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.process.SupportCaseProcess;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Process versions: a case started on the previous model of supportCase (kept as a test resource,
 * the model of November 2026) keeps running on it when the current model is deployed, is moved to
 * the current version by the migration plan, and finishes there.
 */
@SupportflowTest
class ProcessVersionsTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ProcessDeployer deployer;
    @Autowired
    ProcessMigration migration;
    @Autowired
    CaseScenario scenario;

    @Test
    void aCaseOnThePreviousVersionIsMovedToTheCurrentOneAndFinishesThere() throws Exception {
        deployPrevious();
        ProcessDefinition previous = latest();
        assertThat(previous.getVersionTag()).as("the November model had no version tag").isNull();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – gammel version");
        String pi = opened.processInstanceId();
        assertThat(definitionOf(pi)).isEqualTo(previous.getId());

        deployer.run(null);
        ProcessDefinition current = latest();
        assertThat(current.getVersionTag()).isEqualTo("2026.12");
        // a new deployment leaves running cases where they are
        assertThat(definitionOf(pi)).isEqualTo(previous.getId());

        List<ProcessMigration.Moved> moved = migration.migrateAll();
        assertThat(moved).anySatisfy(m -> {
            assertThat(m.processKey()).isEqualTo(SupportCaseProcess.PROCESS_KEY);
            assertThat(m.fromVersion()).isEqualTo(previous.getVersion());
            assertThat(m.toVersion()).isEqualTo(current.getVersion());
            assertThat(m.instances()).isPositive();
        });
        assertThat(definitionOf(pi)).isEqualTo(current.getId());

        scenario.solveLocallyAndClose(pi, "userError", "Vælg helbredstillæg.");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getState())
                .isEqualTo("COMPLETED");
        // nothing is left on an older version
        assertThat(migration.migrateAll()).noneMatch(m -> m.processKey().equals(SupportCaseProcess.PROCESS_KEY));
    }

    /** The November model of supportCase, with today's forms (formRefBinding="deployment" needs them alongside). */
    private void deployPrevious() throws Exception {
        // under the application's deployment name, as the previous release deployed it
        DeploymentBuilder deployment = repositoryService.createDeployment().name(ProcessDeployer.DEPLOYMENT_NAME)
                .source(ProcessDeployer.DEPLOYMENT_NAME);
        try (InputStream model = getClass().getResourceAsStream("/previous-versions/supportCase.bpmn")) {
            deployment.addInputStream("supportCase.bpmn", model);
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    deployment.addInputStream("forms/" + form.getFilename(), in);
                }
            }
            deployment.deploy();
        }
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(SupportCaseProcess.PROCESS_KEY)
                .latestVersion().singleResult();
    }

    private String definitionOf(String pi) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getProcessDefinitionId();
    }
}
