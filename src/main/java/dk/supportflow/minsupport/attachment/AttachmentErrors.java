package dk.supportflow.minsupport.attachment;

import dk.supportflow.web.ApiError;
import dk.supportflow.web.ApiExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
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

    static final int DISCARD_FACTOR = 4;

    private final AttachmentLimits limits;

    AttachmentErrors(AttachmentLimits limits) {
        this.limits = limits;
    }

    /**
     * The container stopped reading at the limit. Tomcat closes the connection after a 413, and a
     * close with unread request data resets it, so that the client may lose the answer: the rest of
     * the request is read and dropped first, up to {@value #DISCARD_FACTOR} times max-size (a far
     * larger upload still gets its connection reset).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        discardRest(request, DISCARD_FACTOR * limits.maxBytes());
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .body(ApiExceptionHandler.errorOf(Attachments.tooLarge(limits, null)));
    }

    private static void discardRest(HttpServletRequest request, long atMost) {
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; read < atMost && (n = in.read(buffer)) != -1; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the stream is gone: nothing left to protect
        }
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
