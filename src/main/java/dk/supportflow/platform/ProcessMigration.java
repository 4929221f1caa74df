package dk.supportflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Running cases stay on the process version they started on when a changed model is deployed.
 * This moves them to the latest version with Camunda's migration API: activities with the same
 * id are mapped onto each other (our ids are stable, e.g. {@code analyseError}), event triggers
 * follow the new model, new boundary events (reminders) start on the moved instances. Run by an
 * administrator ({@code POST /api/admin/process-migration}) or after deployment at start-up when
 * {@code supportflow.processes.migrate-on-start} is true. See docs/operations.md, "Upgrade".
 */
@Component
@Order(0)
public class ProcessMigration implements ApplicationRunner {

    static final List<String> PROCESS_KEYS = List.of("supportCase", "gangmoede", "driftssideWatch");
    private static final Logger LOG = LoggerFactory.getLogger(ProcessMigration.class);

    /** One older version's running instances, moved to the latest. */
    public record Moved(String processKey, int fromVersion, String fromVersionTag, int toVersion, long instances) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final boolean onStart;

    public ProcessMigration(RepositoryService repositoryService, RuntimeService runtimeService,
            @Value("${supportflow.processes.migrate-on-start}") boolean onStart) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.onStart = onStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (onStart) {
            migrateAll();
        }
    }

    /** Moves the running instances of every older version of our processes to the latest version. */
    public List<Moved> migrateAll() {
        List<Moved> moved = new ArrayList<>();
        for (String key : PROCESS_KEYS) {
            ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            if (latest == null) {
                continue;
            }
            for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                    .orderByProcessDefinitionVersion().asc().list()) {
                if (older.getId().equals(latest.getId())) {
                    continue;
                }
                long running = runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
                if (running == 0) {
                    continue;
                }
                MigrationPlan plan = runtimeService.createMigrationPlan(older.getId(), latest.getId())
                        .mapEqualActivities().updateEventTriggers().build();
                runtimeService.newMigration(plan)
                        .processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()))
                        .execute();
                LOG.info("Moved {} running {} instances from version {} to {}", running, key, older.getVersion(),
                        latest.getVersion());
                moved.add(new Moved(key, older.getVersion(), older.getVersionTag(), latest.getVersion(), running));
            }
        }
        return moved;
    }
}
