package dk.supportflow.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Drift", description = "Procesversioner")
public class ProcessMigrationController {

    private final ProcessMigration migration;

    public ProcessMigrationController(ProcessMigration migration) {
        this.migration = migration;
    }

    @PostMapping("/api/admin/process-migration")
    @Operation(summary = "Flyt igangværende sager fra ældre procesversioner til den nyeste (kun administratorer)")
    public List<ProcessMigration.Moved> migrate() {
        return migration.migrateAll();
    }
}
