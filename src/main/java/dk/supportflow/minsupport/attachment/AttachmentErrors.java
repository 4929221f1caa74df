package dk.supportflow.minsupport.attachment;

import dk.supportflow.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The upload's own failures, in Danish like every API error (web.ApiExceptionHandler handles the
 * rest). The multipart request is parsed lazily, inside the controller's call, so these reach here.
 */
@RestControllerAdvice(assignableTypes = AttachmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentErrors {

    private final AttachmentLimits limits;

    AttachmentErrors(AttachmentLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Attachments.tooLarge(limits, null).toError());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> noFile(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest().body(ApiError.of(HttpStatus.BAD_REQUEST,
                "Vælg en fil at vedhæfte (feltet 'file'). " + Attachments.ALLOWED));
    }

    /** Not multipart at all (415), or a multipart request that cannot be read, e.g. one that broke off (400). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> unreadable(MultipartException e, HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send filen som multipart/form-data i feltet 'file'. " + Attachments.ALLOWED));
        }
        return ResponseEntity.badRequest().body(ApiError.of(HttpStatus.BAD_REQUEST,
                "Filen kunne ikke modtages. Prøv at vedhæfte den igen."));
    }
}
