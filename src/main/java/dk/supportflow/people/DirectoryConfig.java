package dk.supportflow.people;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * {@code supportflow.identity.mode=ldap}: users, names, addresses, phone numbers and group
 * memberships come from the municipality's directory, read-only; passwords are checked by it.
 */
@Configuration
@ConditionalOnProperty(name = "supportflow.identity.mode", havingValue = "ldap")
class DirectoryConfig {

    @Bean
    @ConfigurationProperties("supportflow.identity.ldap")
    DirectoryPlugin directoryPlugin() {
        return new DirectoryPlugin();
    }

    @Bean
    Directory directory(DirectoryPlugin plugin, ProcessEngineConfigurationImpl engine, IdentityService identityService) {
        return new Directory(plugin, engine, identityService);
    }

    /** Before the grants (AccessSetup): they are given to the groups this finds. */
    @Bean
    @Order(-1)
    ApplicationRunner directoryCheck(Directory directory) {
        return args -> directory.check();
    }
}
