package dk.supportflow.people;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who people are and how to reach them, read from Camunda's identity service. */
@Component
public class PeopleDirectory {

    /** The key of a user's phone number among Camunda's user info. */
    public static final String PHONE = "phone";

    private final IdentityService identityService;

    public PeopleDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> emailOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return Optional.ofNullable(user).map(User::getEmail).filter(mail -> !mail.isBlank());
    }

    /** The Camunda user info "phone", if the user has one (Admin: Users, Account, or IdentityService.setUserInfo). */
    public Optional<String> phoneOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(identityService.getUserInfo(userId, PHONE)).map(String::strip).filter(phone -> !phone.isEmpty());
    }

    /** Keeps the phone number in the person's profile (the Camunda user info "phone"). */
    public void setPhone(String userId, String phone) {
        identityService.setUserInfo(userId, PHONE, phone);
    }

    public List<String> emailsOfGroup(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getEmail)
                .filter(Objects::nonNull)
                .filter(mail -> !mail.isBlank())
                .toList();
    }

    public List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    }

    public String displayName(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? userId : name;
    }
}
