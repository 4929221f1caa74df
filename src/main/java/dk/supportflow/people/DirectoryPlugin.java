package dk.supportflow.people;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Camunda's LDAP identity provider, configured from {@code supportflow.identity.ldap.*}, with two
 * additions the municipality's directory needs: its group names are mapped to the roles of the
 * domain ({@link Groups}), so that grants, filters and mail recipients name the same groups as
 * with database users; and each person's phone number is read from the directory.
 */
public class DirectoryPlugin extends LdapIdentityProviderPlugin {

    /** role → the directory group that holds it; a role not named here is a directory group of that name. */
    private Map<String, String> groups = new LinkedHashMap<>();
    private String phoneAttribute = "telephoneNumber";

    public DirectoryPlugin() {
        // the attributes of Active Directory; an OpenLDAP directory sets uid, groupOfNames and so on
        setUserSearchFilter("(objectClass=person)");
        setUserIdAttribute("sAMAccountName");
        setUserFirstnameAttribute("givenName");
        setUserLastnameAttribute("sn");
        setUserEmailAttribute("mail");
        setGroupSearchFilter("(objectClass=group)");
        setGroupIdAttribute("cn");
        setGroupNameAttribute("cn");
        setGroupMemberAttribute("member");
        // the directory decides who exists; Camunda's grants decide who may see whom, as for database users
        setAuthorizationCheckEnabled(true);
        setSortControlSupported(false);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        super.preInit(configuration);
        for (String role : groups.keySet()) {
            if (!Groups.ALL.contains(role)) {
                throw new IllegalStateException("supportflow.identity.ldap.groups." + role + ": no such role; the roles are " + Groups.ALL);
            }
        }
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new DirectorySession(DirectoryPlugin.this);
            }
        });
    }

    /** The directory group that holds a role (or any other group id Camunda asks for). */
    String directoryGroupOf(String groupId) {
        return groups.getOrDefault(groupId, groupId);
    }

    /** The role a directory group holds, or the group's own id. */
    String groupIdOf(String directoryGroup) {
        return groups.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(directoryGroup)).map(Map.Entry::getKey)
                .findFirst().orElse(directoryGroup);
    }

    public Map<String, String> getGroups() {
        return groups;
    }

    public void setGroups(Map<String, String> groups) {
        this.groups = groups;
    }

    public String getPhoneAttribute() {
        return phoneAttribute;
    }

    public void setPhoneAttribute(String phoneAttribute) {
        this.phoneAttribute = phoneAttribute;
    }
}
