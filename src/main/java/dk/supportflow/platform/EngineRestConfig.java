package dk.supportflow.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API ({@code /engine-rest}) as Camunda configures it, plus one answer of our
 * own: a change that lost a race against another node or request (Camunda's
 * {@link OptimisticLockingException}, e.g. one task completed twice at the same moment) is
 * {@code 409 Conflict} with a Danish message, not Camunda's {@code 500}.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    static final String CONFLICT_MESSAGE =
            "Opgaven eller sagen blev ændret af en anden i samme øjeblik, så din ændring er ikke gemt. Hent den igen og prøv på ny.";

    @Override
    protected void registerAdditionalResources() {
        register(ConflictMapper.class);
    }

    /** Before Camunda's own mapper of {@link RestException}, which it otherwise leaves as it is. */
    @Priority(1)
    public static class ConflictMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockingException) {
                    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", OptimisticLockingException.class.getSimpleName(), "message", CONFLICT_MESSAGE))
                            .build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
