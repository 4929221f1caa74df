package dk.supportflow.platform;

import dk.supportflow.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a node that a test starts itself (tag "nodes") on a PostgreSQL of its own:
 * its engine name, mails to the test's SMTP server, the job executor quick to take over a job
 * whose lock ran out. As command-line arguments they override application-postgres.yaml.
 */
final class TestNode {

    private TestNode() {
    }

    static String[] arguments(EmbeddedPostgres postgres, String engineName, int smtpPort, int lockMillis, String... more) {
        List<String> properties = new ArrayList<>(List.of(TestPostgres.properties(postgres)));
        properties.addAll(List.of(
                "camunda.bpm.process-engine-name=" + engineName,
                "server.port=0",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtpPort,
                "supportflow.knowledge.index-dir=in-memory",
                "supportflow.mail.dispatch-interval=PT1S",
                "supportflow.privacy.retention-cron=-",
                "camunda.bpm.job-execution.lock-time-in-millis=" + lockMillis,
                "camunda.bpm.job-execution.wait-time-in-millis=200",
                "camunda.bpm.job-execution.max-wait=1000",
                "logging.level.io.zonky=WARN"));
        properties.addAll(List.of(more));
        return properties.stream().map(property -> "--" + property).toArray(String[]::new);
    }
}
