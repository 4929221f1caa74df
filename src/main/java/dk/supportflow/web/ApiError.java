package dk.supportflow.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The body of every API error: a Danish message and, for bad input, one entry per bad field. */
public record ApiError(int status, String message, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public static ApiError of(HttpStatus status, String message) {
        return new ApiError(status.value(), message, List.of());
    }
}
