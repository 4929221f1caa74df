package dk.supportflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.supportflow.domain.Refused;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of the /api endpoints into a clear status and a Danish message. */
@RestControllerAdvice(basePackages = "dk.supportflow")
public class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String INVALID_INPUT = "Oplysningerne kunne ikke modtages. Ret de nævnte felter og prøv igen.";

    /** The domain's refusals, the one place they become HTTP. */
    @ExceptionHandler(Refused.class)
    ResponseEntity<ApiError> refused(Refused e) {
        return ResponseEntity.status(statusOf(e.why())).body(errorOf(e));
    }

    public static ApiError errorOf(Refused e) {
        return new ApiError(statusOf(e.why()).value(), e.getMessage(),
                e.fields().stream().map(f -> new ApiError.FieldError(f.name(), f.message())).toList());
    }

    public static HttpStatus statusOf(Refused.Why why) {
        return switch (why) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNUSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return badRequest(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        var tooLarge = RequestSizeLimit.causeOf(e);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(ApiError.of(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.get().getMessage()));
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return badRequest(List.of(new ApiError.FieldError(unknown.getPropertyName(),
                    "Ukendt felt. Tilladte felter: " + unknown.getKnownPropertyIds().stream()
                            .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ".")));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            Class<?> target = ((MismatchedInputException) cause).getTargetType();
            return badRequest(List.of(new ApiError.FieldError(field, "Forkert type: feltet skal være " + describe(target) + ".")));
        }
        if (cause instanceof JsonProcessingException) {
            return ResponseEntity.badRequest().body(ApiError.of(HttpStatus.BAD_REQUEST,
                    "Forespørgslen er ikke gyldig JSON."));
        }
        return ResponseEntity.badRequest().body(ApiError.of(HttpStatus.BAD_REQUEST, "Forespørgslen mangler eller kan ikke læses."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send oplysningerne som JSON (Content-Type: application/json)."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .body(ApiError.of(HttpStatus.NOT_ACCEPTABLE, "Det ønskede svarformat understøttes ikke."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "Metoden " + e.getMethod() + " understøttes ikke her."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of(HttpStatus.NOT_FOUND, "Adressen findes ikke."));
    }

    /**
     * Two changes to one case at the same moment (Camunda's optimistic locking, or a row lock in
     * our tables): the later one is not saved, and the caller may simply try again.
     */
    @ExceptionHandler({OptimisticLockingException.class, org.springframework.dao.OptimisticLockingFailureException.class,
            org.springframework.dao.PessimisticLockingFailureException.class})
    ResponseEntity<ApiError> concurrentChange(Exception e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(HttpStatus.CONFLICT,
                "Sagen blev ændret af en anden i samme øjeblik, så din ændring er ikke gemt. Prøv igen."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e.getCause() instanceof OptimisticLockingException) {
            return concurrentChange(e);
        }
        // the type only: messages of lower layers may quote input
        LOG.error("Unexpected API error: {}", e.getClass().getName());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Der opstod en uventet fejl. Prøv igen, og kontakt administratoren, hvis fejlen består."));
    }

    private static ResponseEntity<ApiError> badRequest(List<ApiError.FieldError> errors) {
        return ResponseEntity.badRequest().body(new ApiError(HttpStatus.BAD_REQUEST.value(), INVALID_INPUT, errors));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "af en anden type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true eller false";
        }
        if (type == java.time.LocalDate.class) {
            return "en dato på formen åååå-mm-dd";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "et tal";
        }
        return "tekst";
    }
}
