package dk.supportflow.platform;

import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * A person's name and e-mail address are the administrators' to change (or the directory's).
 * Camunda lets every user edit and delete their own user (its default authorisations), so a user
 * could take a colleague's address and read their mails, or blank their own. Ordinary users may
 * still change their own password; memberships need rights they do not have.
 */
@Component
public class ProfileGuard implements CommandGuard {

    static final String PROFILE = "Kun administratorer kan ændre navn og e-mailadresse. Kontakt en administrator.";
    static final String DELETE = "Kun administratorer kan slette brugere.";

    @Override
    public void check(Command<?> command, CommandContext context) {
        if (!(command instanceof SaveUserCmd || command instanceof DeleteUserCmd) || !EngineCaller.of(context).isOrdinaryUser()) {
            return;
        }
        if (command instanceof DeleteUserCmd) {
            throw new AuthorizationException(DELETE);
        }
        if (command instanceof SaveUserCmd) {
            User changed = (User) CommandFields.read(command, SaveUserCmd.class, "user");
            User stored = changed == null ? null : context.getReadOnlyIdentityProvider().findUserById(changed.getId());
            if (stored != null && !(Objects.equals(stored.getEmail(), changed.getEmail())
                    && Objects.equals(stored.getFirstName(), changed.getFirstName())
                    && Objects.equals(stored.getLastName(), changed.getLastName()))) {
                throw new AuthorizationException(PROFILE);
            }
        }
    }
}
