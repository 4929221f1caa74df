package dk.supportflow.people;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;

/** One command's view of the directory, with the groups seen under their roles' ids. */
class DirectorySession extends LdapIdentityProviderSession {

    private final DirectoryPlugin directory;
    /** Phone numbers of the users this session read: the directory has them, Camunda's User has no field. */
    private final Map<String, String> phones = new HashMap<>();

    DirectorySession(DirectoryPlugin directory) {
        super(directory);
        this.directory = directory;
    }

    Optional<String> phoneOf(String userId) {
        User user = findUserById(userId);
        return user == null ? Optional.empty() : Optional.ofNullable(phones.get(user.getId()));
    }

    @Override
    protected UserEntity transformUser(SearchResult result) {
        UserEntity user = super.transformUser(result);
        Attribute phone = result.getAttributes().get(directory.getPhoneAttribute());
        try {
            if (user.getId() != null && phone != null && phone.get() != null) {
                phones.put(user.getId(), phone.get().toString().strip());
            }
        } catch (NamingException e) {
            throw new IdentityProviderException("Could not read the phone number of " + user.getId(), e);
        }
        return user;
    }

    @Override
    protected GroupEntity transformGroup(SearchResult result) {
        GroupEntity group = super.transformGroup(result);
        if (group.getId() != null) {
            group.setId(directory.groupIdOf(group.getId()));
        }
        return group;
    }

    /** The plugin's filter, with role ids turned into directory groups, and every value escaped. */
    @Override
    protected String getGroupSearchFilter(LdapGroupQuery query) {
        StringBuilder filter = new StringBuilder("(&").append(directory.getGroupSearchFilter());
        if (query.getId() != null) {
            equal(filter, directory.getGroupIdAttribute(), escapeLDAPSearchFilter(directory.directoryGroupOf(query.getId())));
        }
        if (query.getIds() != null && query.getIds().length > 0) {
            filter.append("(|");
            for (String id : query.getIds()) {
                equal(filter, directory.getGroupIdAttribute(), escapeLDAPSearchFilter(directory.directoryGroupOf(id)));
            }
            filter.append(')');
        }
        if (query.getName() != null) {
            equal(filter, directory.getGroupNameAttribute(), escapeLDAPSearchFilter(query.getName()));
        }
        if (query.getNameLike() != null) {
            // the query's wildcard is already the directory's *; everything else is a literal
            equal(filter, directory.getGroupNameAttribute(),
                    escapeLDAPSearchFilter(query.getNameLike()).replace("\\2a", "*"));
        }
        if (query.getUserId() != null) {
            String member = directory.isUsePosixGroups() ? query.getUserId() : getDnForUser(query.getUserId());
            if (member.isEmpty()) {
                // someone the directory does not know is a member of nothing
                return "(&" + directory.getGroupSearchFilter() + "(!" + directory.getGroupSearchFilter() + "))";
            }
            equal(filter, directory.getGroupMemberAttribute(), escapeLDAPSearchFilter(member));
        }
        return filter.append(')').toString();
    }

    private static void equal(StringBuilder filter, String attribute, String value) {
        filter.append('(').append(attribute).append('=').append(value).append(')');
    }
}
