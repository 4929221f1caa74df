package dk.supportflow.people;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo people of the README, all with password {@code demo}. Never in the {@code prod} profile.
 * Runs after {@link AccessSetup}, which creates the groups.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "supportflow.demo-users.enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    static final String PASSWORD = "demo";

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Ada", "Administrator", Groups.CAMUNDA_ADMIN),
            new DemoUser("superbruger1", "Sofie", "Superbruger", Groups.SUPERBRUGERE),
            new DemoUser("superbruger2", "Søren", "Superbruger", Groups.SUPERBRUGERE),
            new DemoUser("support1", "Sanne", "Support", Groups.SUPPORTBERETTIGEDE),
            new DemoUser("support2", "Steen", "Support", Groups.SUPPORTBERETTIGEDE),
            new DemoUser("sagsbehandler1", "Sara", "Sagsbehandler", Groups.SAGSBEHANDLERE),
            new DemoUser("sagsbehandler2", "Simon", "Sagsbehandler", Groups.SAGSBEHANDLERE),
            new DemoUser("drift1", "Dorthe", "Drift", Groups.DRIFTSANSVARLIGE));

    /** A demo person: a demo id with the demo address (a real administrator may also be called admin). */
    static boolean isDemo(User user) {
        return USERS.stream().anyMatch(d -> d.id().equals(user.getId())) && address(user.getId()).equals(user.getEmail());
    }

    private static String address(String id) {
        return id + "@kommune.example";
    }

    private final IdentityService identityService;
    private final AccessSetup accessSetup;

    public DemoUsers(IdentityService identityService, AccessSetup accessSetup) {
        this.identityService = identityService;
        this.accessSetup = accessSetup;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identityService.isReadOnly()) {
            LOG.info("Demo users not created: people come from the directory (supportflow.identity.mode)");
            return;
        }
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(address(demo.id()));
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
            }
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
                identityService.createMembership(demo.id(), demo.group());
            }
        }
        accessSetup.ensurePersonalFilters();
    }
}
