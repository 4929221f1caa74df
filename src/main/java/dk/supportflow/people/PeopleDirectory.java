package dk.supportflow.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Who people are and how to reach them, read from Camunda's identity service. */
@Component
public class PeopleDirectory {

    /** The key of a user's phone number among Camunda's user info. */
    public static final String PHONE = "phone";

    private final IdentityService identityService;
    /** The municipality's directory, when people come from it (supportflow.identity.mode=ldap). */
    private final Optional<Directory> directory;

    public PeopleDirectory(IdentityService identityService, ObjectProvider<Directory> directory) {
        this.identityService = identityService;
        this.directory = Optional.ofNullable(directory.getIfAvailable());
    }

    public Optional<String> emailOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return Optional.ofNullable(user).map(User::getEmail).filter(mail -> !mail.isBlank());
    }

    /**
     * The person's phone number: from the directory when people come from one, else (or when the
     * directory has none) the Camunda user info "phone" (Admin: Users, Account; or typed on a form).
     */
    public Optional<String> phoneOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return directory.flatMap(d -> d.phoneOf(userId)).filter(phone -> !phone.isEmpty())
                .or(() -> Optional.ofNullable(identityService.getUserInfo(userId, PHONE)).map(String::strip))
                .filter(phone -> !phone.isEmpty());
    }

    /** Keeps the phone number in the person's profile (the Camunda user info "phone"). */
    public void setPhone(String userId, String phone) {
        identityService.setUserInfo(userId, PHONE, phone);
    }

    /** The person with this e-mail address, when exactly one has it (a shared address names nobody). */
    public Optional<String> userWithEmail(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String given = address.strip();
        String lower = given.toLowerCase(Locale.ROOT);
        List<User> users = identityService.createUserQuery().userEmail(given).list();
        if (users.isEmpty() && !given.equals(lower)) {
            users = identityService.createUserQuery().userEmail(lower).list();
        }
        return users.size() == 1 ? Optional.of(users.get(0).getId()) : Optional.empty();
    }

    public List<String> emailsOfGroup(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getEmail)
                .filter(Objects::nonNull)
                .filter(mail -> !mail.isBlank())
                .toList();
    }

    /** The members of a group by user id, with their names, ordered by name. */
    public Map<String, String> namesOfGroup(String groupId) {
        Map<String, String> names = new LinkedHashMap<>();
        identityService.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc().orderByUserFirstName().asc()
                .list().forEach(user -> names.put(user.getId(), displayName(user)));
        return names;
    }

    /**
     * Someone who logged in through single sign-on: where people are Camunda's own (not a
     * directory), they are written there, or brought up to date, with what the provider says:
     * their name, address and, when it names their groups, their memberships of the roles. They
     * get no password: they log in through the provider only.
     */
    public void signedIn(String userId, String firstName, String lastName, String email, Optional<Set<String>> groups) {
        if (identityService.isReadOnly()) {
            return;
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identityService.newUser(userId);
        }
        if (!Objects.equals(user.getFirstName(), firstName) || !Objects.equals(user.getLastName(), lastName)
                || !Objects.equals(user.getEmail(), email)) {
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            identityService.saveUser(user);
        }
        groups.ifPresent(claimed -> {
            List<String> current = groupsOf(userId);
            for (String role : Groups.ALL) {
                boolean member = current.contains(role);
                if (claimed.contains(role) && !member) {
                    identityService.createMembership(userId, role);
                } else if (!claimed.contains(role) && member) {
                    identityService.deleteMembership(userId, role);
                }
            }
        });
    }

    public List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    }

    public String displayName(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : displayName(user);
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
