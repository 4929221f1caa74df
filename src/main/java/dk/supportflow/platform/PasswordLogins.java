package dk.supportflow.platform;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may log in with a password ({@code supportflow.identity.password-login}): everyone, or, once
 * the municipality's single sign-on is the way in, only the break-glass administrator
 * ({@code supportflow.admin.id}) for the day the provider is down. Asked by the engine's password
 * check itself ({@link LoginThrottlePlugin}), so it holds on every path that takes a password:
 * the API's Basic, /engine-rest, the webapps' login and the portal's.
 */
@Component
public class PasswordLogins {

    private final boolean breakGlassOnly;
    private final String breakGlassUser;

    public PasswordLogins(@Value("${supportflow.identity.password-login:everyone}") String mode,
            @Value("${supportflow.admin.id:}") String breakGlassUser) {
        this.breakGlassOnly = switch (mode.toLowerCase(Locale.ROOT)) {
            case "everyone" -> false;
            case "break-glass" -> true;
            default -> throw new IllegalStateException(
                    "supportflow.identity.password-login must be 'everyone' or 'break-glass', not '" + mode + "'");
        };
        if (breakGlassOnly && breakGlassUser.isBlank()) {
            throw new IllegalStateException("supportflow.identity.password-login=break-glass needs the break-glass "
                    + "administrator in supportflow.admin.id");
        }
        this.breakGlassUser = breakGlassUser;
    }

    boolean allowed(String userId) {
        return !breakGlassOnly || breakGlassUser.equals(userId);
    }

    /** Whether the login page offers a password form to everyone. */
    public boolean forEveryone() {
        return !breakGlassOnly;
    }
}
