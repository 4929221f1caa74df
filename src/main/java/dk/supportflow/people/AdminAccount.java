package dk.supportflow.people;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The configured administrator ({@code supportflow.admin.*}), created once as a direct member
 * of camunda-admin. A direct member matters: Camunda 7.24's Admin setup page lets anyone
 * create an administrator while camunda-admin has none (CVE-2026-77226; the page is also
 * blocked by platform.AdminSetupBlocker).
 */
@Component
@Order(1)
public class AdminAccount implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

    private final IdentityService identityService;
    private final String id;
    private final String password;
    private final String email;

    public AdminAccount(IdentityService identityService, @Value("${supportflow.admin.id:}") String id,
            @Value("${supportflow.admin.password:}") String password, @Value("${supportflow.admin.email:}") String email) {
        this.identityService = identityService;
        this.id = id;
        this.password = password;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (id.isBlank()) {
            return;
        }
        if (identityService.isReadOnly()) {
            // the directory's members of the group mapped to camunda-admin are the administrators
            LOG.info("Administrator {} is not created: people come from the directory; it is the break-glass login only", id);
            return;
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("Administrator");
            user.setLastName("Supportflow");
            user.setEmail(email.isBlank() ? null : email);
            user.setPassword(password);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identityService.createMembership(id, Groups.CAMUNDA_ADMIN);
        }
    }
}
