package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.supportflow.SupportflowApplication;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionSafetyCheckTest {

    static final Map<String, Object> SAFE = Map.of(
            "supportflow.demo-users.enabled", "false",
            "spring.mail.host", "smtp.kommune.example",
            "spring.datasource.url", "jdbc:postgresql://db.kommune.example/supportflow",
            "supportflow.admin.id", "kp-admin",
            "supportflow.admin.password", "k7#Lq9!vTz2mWx",
            "supportflow.privacy.cpr-key", "bm90LXRoZS1kZXYta2V5LWJ1dC0zMi1ieXRlcy1sb25n",
            "supportflow.privacy.cpr-lookup-key", "bm90LXRoZS1kZXYtbG9va3VwLWtleS0zMi1ieXRlcyE=",
            "supportflow.privacy.attachment-key", "bm90LXRoZS1kZXYtYXR0YWNobWVudC1rZXktMzJieXQ=");

    private static StandardEnvironment environment(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(SAFE);
        properties.putAll(overrides);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void aProperlyConfiguredProductionPasses() {
        assertThat(ProductionSafetyCheck.problems(environment(Map.of()))).isEmpty();
    }

    @Test
    void everyDevelopmentLeftoverIsNamed() {
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.demo-users.enabled", "true"))))
                .singleElement().asString().contains("demo users");
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("spring.datasource.url", "jdbc:h2:file:./data/x"))))
                .singleElement().asString().contains("H2");
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("spring.mail.host", ""))))
                .singleElement().asString().contains("no SMTP server");
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("spring.datasource.url", ""))))
                .singleElement().asString().contains("no database");
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.admin.password", ""))))
                .singleElement().asString().contains("credentials missing");
        for (String weak : new String[] {"demo", "Admin", "kp-admin", "short1!"}) {
            assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.admin.password", weak))))
                    .as(weak).singleElement().asString().contains("administrator password");
        }
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.privacy.cpr-key",
                ProductionSafetyCheck.DEVELOPMENT_CPR_KEY)))).singleElement().asString().contains("CPR encryption key");
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.privacy.cpr-lookup-key",
                ProductionSafetyCheck.DEVELOPMENT_CPR_LOOKUP_KEY)))).singleElement().asString().contains("CPR lookup key");
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.privacy.cpr-lookup-key", ""))))
                .singleElement().asString().contains("CPR lookup key");
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.privacy.attachment-key",
                ProductionSafetyCheck.DEVELOPMENT_ATTACHMENT_KEY)))).singleElement().asString().contains("attachment encryption key");
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.privacy.attachment-key", ""))))
                .singleElement().asString().contains("attachment encryption key");
    }

    @Test
    void withADirectoryTheAdministratorsComeFromItAndNoLocalAccountIsAsked() {
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.identity.mode", "ldap",
                "supportflow.admin.id", "", "supportflow.admin.password", "")))).isEmpty();
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("supportflow.identity.mode", "ldap",
                "supportflow.privacy.cpr-key", "")))).singleElement().asString().contains("CPR encryption key");
    }

    @Test
    void theProdProfileRefusesToStartWithTheDefaults() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SupportflowApplication.class).profiles("prod")
                .properties("server.port=0").run().close())
                .hasMessageContaining("Refusing to start in the prod profile")
                .hasMessageContaining("administrator credentials missing")
                .hasMessageContaining("no database configured");
    }
}
