package dk.supportflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, as all full tests share it (one cached context),
 * sending mail to {@link TestSmtpServer}. On H2, or on PostgreSQL in the {@code postgres} test run
 * ({@link TestDatabase}, {@link TestPostgres}): the tag {@code database} selects these classes for
 * the surefire execution {@code postgres-tests}, except those tagged {@link #REQUESTS_ONLY}.
 */
@Target(ElementType.TYPE)
@Tag("database")
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// metrics export (Prometheus) as in production; Spring Boot's tests switch it off otherwise
@AutoConfigureObservability(tracing = false)
@ActiveProfiles(resolver = TestDatabase.class)
@ContextConfiguration(initializers = {TestSmtpServer.class, TestPostgres.class})
public @interface SupportflowTest {

    /**
     * The tag of full tests about requests, rights and texts (security, forms, mail wording) that
     * do nothing of their own in the database: they run on H2 only, not again on PostgreSQL.
     */
    String REQUESTS_ONLY = "requests-only";
}
