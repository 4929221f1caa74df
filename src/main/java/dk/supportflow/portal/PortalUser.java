package dk.supportflow.portal;

import static dk.supportflow.platform.IdentityAuthenticationProvider.GROUP_PREFIX;

import dk.supportflow.people.Groups;
import org.springframework.security.core.Authentication;

/** Who is logged in to the portal, by name, and what they may do there (the navigation shows only that). */
public record PortalUser(String id, String name, boolean superuser, boolean support, boolean operations, boolean admin) {

    static PortalUser of(Authentication user, String name) {
        return new PortalUser(user.getName(), name, has(user, Groups.SUPERBRUGERE), has(user, Groups.SUPPORTBERETTIGEDE),
                has(user, Groups.DRIFTSANSVARLIGE), has(user, Groups.CAMUNDA_ADMIN));
    }

    private static boolean has(Authentication user, String group) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(GROUP_PREFIX + group));
    }

    /** The supportberettigede and administrators work every case (cases.CaseController#isSupportStaff). */
    public boolean supportStaff() {
        return support || admin;
    }

    public boolean mayReport() {
        return superuser || support;
    }

    public boolean mayReadCases() {
        return superuser || support || admin;
    }

    public boolean mayReadKnowledge() {
        return superuser || support || operations || admin;
    }

    public boolean mayWriteArticles() {
        return support;
    }

    public boolean mayWriteKnownErrors() {
        return support || operations || admin;
    }

    public boolean mayReadDriftsside() {
        return operations || support || admin;
    }

    public boolean mayReadMinSupport() {
        return support || admin;
    }

    public boolean mayReadDashboard() {
        return support || operations || admin;
    }
}
