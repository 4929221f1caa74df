package dk.supportflow.people;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile, refuses to start while a demo person from an earlier local start is
 * still in the database (a demo id with its demo address, or with the password {@code demo}): they would be open doors, the administrator
 * {@code admin} first of all. Checked when the engine is up, before the web server opens.
 */
@Component
@Profile("prod")
public class DemoUsersInProduction {

    private final IdentityService identityService;

    public DemoUsersInProduction(IdentityService identityService) {
        this.identityService = identityService;
    }

    @PostConstruct
    void refuseDemoUsers() {
        List<String> found = identityService.createUserQuery()
                .userIdIn(DemoUsers.USERS.stream().map(DemoUsers.DemoUser::id).toArray(String[]::new)).list().stream()
                // a demo address, or the demo password still in place under another address
                .filter(user -> DemoUsers.isDemo(user) || identityService.checkPassword(user.getId(), DemoUsers.PASSWORD))
                .map(User::getId).toList();
        if (!found.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the prod profile: demo users exist in the database "
                    + found + ". Delete them in the Admin webapp of a non-prod start, or start from an empty database.");
        }
    }
}
