package dk.supportflow;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The profiles of the full tests: {@code test}, plus {@code postgres} when the test JVM runs with
 * {@code -Dsupportflow.test.database=postgres} (the surefire execution {@code postgres-tests},
 * part of {@code ./mvnw verify}). The same test classes then run against a real PostgreSQL
 * ({@link TestPostgres}).
 */
public class TestDatabase implements ActiveProfilesResolver {

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("supportflow.test.database"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[] {"test", "postgres"} : new String[] {"test"};
    }
}
