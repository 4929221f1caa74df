package dk.supportflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the {@code prod} profile, refuses to start (before any database is touched) when the
 * installation still has what only belongs on a developer's machine: demo users, an H2
 * database, no SMTP server, missing or default administrator credentials, the development CPR and
 * attachment keys. Demo users left in the database by an earlier start are refused once the
 * engine runs (people.DemoUsersInProduction).
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

    /** The key in application.yaml: public, so never acceptable in production. */
    static final String DEVELOPMENT_CPR_KEY = "c3VwcG9ydGZsb3ctbG9jYWwtZGV2LWtleS0zMmJ5dGU=";
    /** The CPR lookup key in application.yaml: with it, anyone could compute the lookup value of a CPR number. */
    static final String DEVELOPMENT_CPR_LOOKUP_KEY = "c3VwcG9ydGZsb3ctbG9jYWwtZGV2LWxvb2t1cC1rZXk=";
    /** The attachment key in application.yaml: public too. */
    static final String DEVELOPMENT_ATTACHMENT_KEY = "c3VwcG9ydGZsb3ctbG9jYWwtZGV2LWF0dGFjaC1rZXk=";
    static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "password", "camunda", "changeme");
    static final int MIN_PASSWORD_LENGTH = 12;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the prod profile:\n - " + String.join("\n - ", problems));
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        if (environment.getProperty("supportflow.demo-users.enabled", Boolean.class, false)) {
            problems.add("demo users are enabled (supportflow.demo-users.enabled=true)");
        }
        if (environment.getProperty("spring.mail.host", "").isBlank()) {
            // without it, mails would go to the embedded development server and reach nobody
            problems.add("no SMTP server configured (spring.mail.host)");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            problems.add("no database configured (SUPPORTFLOW_DB_URL / spring.datasource.url)");
        } else if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            problems.add("an H2 database is for development only (spring.datasource.url=" + url.split(";")[0] + ")");
        }
        String adminId = environment.getProperty("supportflow.admin.id", "");
        String adminPassword = environment.getProperty("supportflow.admin.password", "");
        // with a directory its administrators log in with its passwords: no local account is created
        boolean directory = "ldap".equals(environment.getProperty("supportflow.identity.mode", "database"));
        if (!directory) {
            if (adminId.isBlank() || adminPassword.isBlank()) {
                problems.add("administrator credentials missing (SUPPORTFLOW_ADMIN_ID, SUPPORTFLOW_ADMIN_PASSWORD)");
            } else if (DEFAULT_PASSWORDS.contains(adminPassword.toLowerCase(Locale.ROOT)) || adminPassword.equals(adminId)
                    || adminPassword.length() < MIN_PASSWORD_LENGTH) {
                problems.add("the administrator password is a default or shorter than " + MIN_PASSWORD_LENGTH + " characters");
            }
        }
        String cprKey = environment.getProperty("supportflow.privacy.cpr-key", "");
        if (cprKey.isBlank() || cprKey.equals(DEVELOPMENT_CPR_KEY)) {
            problems.add("set a CPR encryption key of your own (SUPPORTFLOW_PRIVACY_CPR_KEY)");
        }
        String lookupKey = environment.getProperty("supportflow.privacy.cpr-lookup-key", "");
        if (lookupKey.isBlank() || lookupKey.equals(DEVELOPMENT_CPR_LOOKUP_KEY)) {
            problems.add("set a CPR lookup key of your own (SUPPORTFLOW_PRIVACY_CPR_LOOKUP_KEY)");
        }
        String attachmentKey = environment.getProperty("supportflow.privacy.attachment-key", "");
        if (attachmentKey.isBlank() || attachmentKey.equals(DEVELOPMENT_ATTACHMENT_KEY)) {
            problems.add("set an attachment encryption key of your own (SUPPORTFLOW_PRIVACY_ATTACHMENT_KEY)");
        }
        return problems;
    }
}
