package dk.supportflow.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error the API reports to its caller: a status and a Danish message (and bad fields, for 400). */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<ApiError.FieldError> fieldErrors;

    public ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    public ApiException(HttpStatus status, String message, List<ApiError.FieldError> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    /** 400 for one bad field, named with the message. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, List.of(new ApiError.FieldError(field, message)));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public ApiError toError() {
        return new ApiError(status.value(), getMessage(), fieldErrors);
    }

    public HttpStatus status() {
        return status;
    }
}
