package dk.supportflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs every {@link CommandGuard} as a command interceptor inside the engine, after the
 * command context is opened. The engine is the one place every path leads to, so the rules
 * hold whatever HTTP path, method, encoding or nesting a request used; checks on request text
 * in front of the engine are a second line only.
 */
@Component
public class EngineGuards extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CommandGuard> guardBeans;
    /** Looked up at the first command: guards may need engine services, which exist only after this plugin ran. */
    private volatile List<CommandGuard> guards;

    public EngineGuards(ObjectProvider<CommandGuard> guardBeans) {
        this.guardBeans = guardBeans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                with(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> with(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(new GuardInterceptor());
        return interceptors;
    }

    private final class GuardInterceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            List<CommandGuard> current = guards;
            if (current == null) {
                current = guardBeans.orderedStream().toList();
                guards = current;
            }
            for (CommandGuard guard : current) {
                guard.check(command, Context.getCommandContext());
            }
            return next.execute(command);
        }
    }
}
