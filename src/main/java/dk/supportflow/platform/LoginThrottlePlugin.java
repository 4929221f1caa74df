package dk.supportflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link LoginThrottle} and {@link PasswordLogins} around the engine's password check, the one
 * place every password login passes: the webapps' login, the engine REST API's and our own HTTP Basic. A locked login
 * answers exactly as a wrong password does, so the lock tells an attacker nothing.
 */
@Component
public class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<LoginThrottle> throttle;
    private final PasswordLogins passwordLogins;

    public LoginThrottlePlugin(ObjectProvider<LoginThrottle> throttle, PasswordLogins passwordLogins) {
        this.throttle = throttle;
        this.passwordLogins = passwordLogins;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // before the command's transaction: the throttle's own short transactions never hold a second
        // connection while the check's is open, however many logins arrive at once
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new ThrottleInterceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    private final class ThrottleInterceptor extends CommandInterceptor {

        @Override
        @SuppressWarnings("unchecked")
        public <T> T execute(Command<T> command) {
            if (!(command instanceof CheckPassword)) {
                return next.execute(command);
            }
            String userId = (String) CommandFields.read(command, CheckPassword.class, "userId");
            if (userId == null) {
                return next.execute(command);
            }
            if (!passwordLogins.allowed(userId)) {
                // single sign-on is the way in: a password is not even checked (nor counted)
                return (T) Boolean.FALSE;
            }
            String client = LoginThrottle.currentClient();
            LoginThrottle logins = throttle.getObject();
            if (!logins.admit(userId, client)) {
                return (T) Boolean.FALSE;
            }
            T valid = next.execute(command);
            if (Boolean.TRUE.equals(valid)) {
                logins.succeeded(userId, client);
            }
            return valid;
        }
    }
}
