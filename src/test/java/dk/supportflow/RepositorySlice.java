package dk.supportflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The repository tier: JPA, Flyway's schema and the repositories only (no engine, no web), each
 * test in a transaction rolled back at its end. On the test database of the run: H2, or a
 * PostgreSQL of its own in the {@code postgres-tests} run (tag {@code database}), since these
 * queries are where the two databases can differ.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles(resolver = TestDatabase.class)
@ContextConfiguration(initializers = TestPostgres.class)
public @interface RepositorySlice {
}
