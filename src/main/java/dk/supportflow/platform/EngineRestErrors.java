package dk.supportflow.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Our answers in Camunda's REST APIs, on every path: {@code /engine-rest},
 * {@code /engine-rest/engine/{name}} and the webapps' engine API that Tasklist uses.
 * <ul>
 * <li>A refusal meant for the user ({@link UserInputRefused}, e.g. a task completion a rule
 * refused) is {@code 400} with only its Danish message, not Camunda's {@code 500} whose message
 * wraps it in "Cannot complete task … ENGINE-03051 … TaskListener".</li>
 * <li>A change that lost a race against another node or request (Camunda's
 * {@link OptimisticLockingException}, e.g. one task completed twice at the same moment) is
 * {@code 409 Conflict} with a Danish message, not {@code 500}.</li>
 * </ul>
 * Everything else is answered as Camunda does. Registered in every Jersey application of the
 * JVM through {@link Registration} ({@code META-INF/services}), since the webapps build their
 * JAX-RS applications themselves.
 */
public abstract class EngineRestErrors<E extends Throwable> implements ExceptionMapper<E> {

    static final String CONFLICT_MESSAGE =
            "Opgaven eller sagen blev ændret af en anden i samme øjeblik, så din ændring er ikke gemt. Hent den igen og prøv på ny.";

    @Override
    public Response toResponse(E exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserInputRefused refused) {
                return answer(Response.Status.BAD_REQUEST, refused, refused.getMessage());
            }
            if (cause instanceof OptimisticLockingException conflict) {
                return answer(Response.Status.CONFLICT, conflict, CONFLICT_MESSAGE);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static Response answer(Response.Status status, Throwable cause, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", cause.getClass().getSimpleName(), "message", message))
                .build();
    }

    /*
     * Jersey picks the mapper of the nearest exception type first and only then the priority, so
     * there is one mapper per type that Camunda maps itself, each before Camunda's.
     */

    @Priority(1)
    public static class RestExceptions extends EngineRestErrors<RestException> {
    }

    @Priority(1)
    public static class EngineExceptions extends EngineRestErrors<ProcessEngineException> {
    }

    /** Adds the mappers to each Jersey application as it is configured. */
    public static class Registration implements ForcedAutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            for (Class<?> mapper : List.of(RestExceptions.class, EngineExceptions.class)) {
                if (!context.getConfiguration().isRegistered(mapper)) {
                    context.register(mapper);
                }
            }
        }
    }
}
