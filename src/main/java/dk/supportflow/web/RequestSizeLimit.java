package dk.supportflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized /api requests: 413 with a Danish message. A declared Content-Length is
 * refused before anything reads the body; a body without one (chunked) is counted as it is
 * read, and reading stops with {@link BodyTooLarge} once the limit is passed. Runs before the
 * filters that read or authenticate (form content, Spring Security). File uploads (multipart)
 * are left to their own limits, {@code spring.servlet.multipart.*}, which the endpoint that
 * receives a file applies with its own Danish message (minsupport.attachment).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper objectMapper;

    public RequestSizeLimit(@Value("${supportflow.api.max-request-bytes:1048576}") long maxBytes, ObjectMapper objectMapper) {
        this.maxBytes = maxBytes;
        this.objectMapper = objectMapper;
    }

    /** The body passed the limit while it was read. An IOException, so that every reader passes it on. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge(String message) {
            super(message);
        }
    }

    /** The BodyTooLarge that caused this failure, if one did (readers wrap what the stream throws). */
    public static Optional<BodyTooLarge> causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isUnder(request, "/api") || isMultipart(request);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes, message()), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a filter read the body (controllers' reads are answered by ApiExceptionHandler)
            if (causeOf(e).isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(response);
        }
    }

    private String message() {
        return "Forespørgslen er for stor (højst " + maxBytes / 1024 + " kB).";
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), ApiError.of(HttpStatus.PAYLOAD_TOO_LARGE, message()));
    }

    /** The request with a body that cannot be read beyond the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final LimitedStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long maxBytes, String message) {
            super(request);
            this.stream = new LimitedStream(request, maxBytes, message);
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(stream, charset));
            }
            return reader;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final HttpServletRequest request;
        private final long maxBytes;
        private final String message;
        private ServletInputStream delegate;
        private long read;

        LimitedStream(HttpServletRequest request, long maxBytes, String message) {
            this.request = request;
            this.maxBytes = maxBytes;
            this.message = message;
        }

        /** Taken on the first read only: once taken, the container no longer parses a form body into parameters. */
        private ServletInputStream delegate() throws IOException {
            if (delegate == null) {
                delegate = request.getInputStream();
            }
            return delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate().read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate().read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > maxBytes) {
                throw new BodyTooLarge(message);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate != null && delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate == null || delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                delegate().setReadListener(listener);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
