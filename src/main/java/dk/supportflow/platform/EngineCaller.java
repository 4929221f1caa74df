package dk.supportflow.platform;

import dk.supportflow.people.Groups;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Who is calling the engine in a command: an authenticated person (REST, webapps, or code that
 * set an authentication), or the application itself (jobs, start-up, our services), which
 * carries no authentication.
 */
public record EngineCaller(String userId, List<String> groupIds) {

    public static EngineCaller of(CommandContext context) {
        String userId = context.getAuthenticatedUserId();
        List<String> groups = context.getAuthenticatedGroupIds();
        return new EngineCaller(userId, groups == null ? List.of() : List.copyOf(groups));
    }

    /** No authentication: the application itself. */
    public boolean isApplication() {
        return userId == null;
    }

    public boolean isAdmin() {
        return groupIds.contains(Groups.CAMUNDA_ADMIN);
    }

    /** A logged-in person who is not an administrator: the callers the guards restrict. */
    public boolean isOrdinaryUser() {
        return !isApplication() && !isAdmin();
    }
}
