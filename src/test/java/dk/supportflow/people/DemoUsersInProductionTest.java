package dk.supportflow.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.supportflow.SupportflowTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A prod start on a database that still holds the demo people of a local start is refused. */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class DemoUsersInProductionTest {

    @Autowired
    IdentityService identityService;

    @Test
    void demoPeopleInTheDatabaseStopAProductionStart() {
        assertThatThrownBy(() -> new DemoUsersInProduction(identityService).refuseDemoUsers())
                .hasMessageContaining("Refusing to start in the prod profile")
                .hasMessageContaining("admin").hasMessageContaining("superbruger1");
    }

    @Test
    void aDemoPersonWithAnotherAddressButTheDemoPasswordStillStopsIt() {
        User admin = identityService.createUserQuery().userId("admin").singleResult();
        admin.setEmail("it-drift@kommune.dk");
        identityService.saveUser(admin);
        try {
            assertThat(DemoUsers.isDemo(identityService.createUserQuery().userId("admin").singleResult())).isFalse();
            assertThatThrownBy(() -> new DemoUsersInProduction(identityService).refuseDemoUsers())
                    .hasMessageContaining("admin");
        } finally {
            admin = identityService.createUserQuery().userId("admin").singleResult();
            admin.setEmail("admin@kommune.example");
            identityService.saveUser(admin);
        }
    }

    @Test
    void aRealAdministratorCalledAdminIsNoDemoPerson() {
        User real = identityService.newUser("admin");
        real.setEmail("it-drift@kommune.dk");
        assertThat(DemoUsers.isDemo(real)).isFalse();
        User demo = identityService.newUser("admin");
        demo.setEmail("admin@kommune.example");
        assertThat(DemoUsers.isDemo(demo)).isTrue();
    }
}
