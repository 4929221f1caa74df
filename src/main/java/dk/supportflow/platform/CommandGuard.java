package dk.supportflow.platform;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A rule checked on every engine command before it runs, whichever way it reached the engine
 * (our API, {@code /engine-rest}, {@code /engine-rest/engine/{name}}, the webapps' engine API, a
 * job, Java code). A guard refuses by throwing; Spring beans of this type are installed by
 * {@link EngineGuards}.
 */
public interface CommandGuard {

    /**
     * @param command the command about to run; nested commands are checked too
     * @param context its command context, with the caller's authentication ({@link EngineCaller})
     */
    void check(Command<?> command, CommandContext context);
}
