package dk.supportflow.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The municipality's directory as the rest of Supportflow meets it: what Camunda's identity service
 * cannot tell (a person's phone number), and the check at start-up that it can be reached and
 * holds the roles' groups.
 */
public class Directory {

    private static final Logger LOG = LoggerFactory.getLogger(Directory.class);

    private final DirectoryPlugin plugin;
    private final ProcessEngineConfigurationImpl engine;
    private final IdentityService identityService;

    Directory(DirectoryPlugin plugin, ProcessEngineConfigurationImpl engine, IdentityService identityService) {
        this.plugin = plugin;
        this.engine = engine;
        this.identityService = identityService;
    }

    Optional<String> phoneOf(String userId) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> ((DirectorySession) context.getReadOnlyIdentityProvider()).phoneOf(userId));
    }

    /**
     * Reads each role's group once. A directory that cannot be reached or refuses the manager
     * account stops the start with what to fix; a role without its group is logged (nobody has it).
     */
    void check() {
        List<String> missing = new ArrayList<>();
        for (String role : Groups.ALL) {
            try {
                if (identityService.createGroupQuery().groupId(role).count() == 0) {
                    missing.add(role + " (directory group '" + plugin.directoryGroupOf(role) + "')");
                }
            } catch (IdentityProviderException e) {
                throw new IllegalStateException(problem(e), e);
            }
        }
        if (missing.isEmpty()) {
            LOG.info("Directory {} holds the groups of every role", plugin.getServerUrl());
        } else {
            LOG.warn("Directory {}: no group for the roles {}; nobody has them until it exists, or until "
                    + "supportflow.identity.ldap.groups.<role> names the group that should", plugin.getServerUrl(), missing);
        }
    }

    private String problem(IdentityProviderException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String what = e.getMessage() != null && e.getMessage().contains("authenticate")
                ? "refused the manager account '" + plugin.getManagerDn()
                        + "': check supportflow.identity.ldap.manager-dn and manager-password"
                : "cannot be searched under '" + plugin.getBaseDn() + "': check supportflow.identity.ldap.server-url, "
                        + "base-dn, the network and (ldaps) the certificate";
        return "The directory " + plugin.getServerUrl() + " " + what + " (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
    }
}
