package dk.supportflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/**
 * The path of a request, normalised for filters that refuse or limit by path, so that a request
 * cannot slip past them with a spelling the container or a framework behind it would still route:
 * path parameters ({@code ;jsessionid=...}), percent-encoding (also twice over), backslashes,
 * repeated slashes, dot segments and upper case. Only for deciding to refuse or limit: a
 * normalised path matches more than the router would, never less.
 */
public final class RequestPaths {

    /** Enough for any encoding a client could mean honestly; more rounds are an attack and get no further. */
    private static final int MAX_DECODING_ROUNDS = 3;

    private RequestPaths() {
    }

    /** True if the request's normalised path is {@code prefix} or lies below it (prefix in lower case, e.g. "/api"). */
    public static boolean isUnder(HttpServletRequest request, String prefix) {
        String path = normalised(request);
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** The normalised path below the context path, starting with "/", in lower case. */
    public static String normalised(HttpServletRequest request) {
        String path = normalise(request.getRequestURI());
        String context = normalise(request.getContextPath());
        return !context.equals("/") && path.startsWith(context + "/") ? path.substring(context.length()) : path;
    }

    /** A raw path (as sent, or as configured) normalised the same way. */
    public static String normalise(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
            String decoded = decode(path.replaceAll(";[^/]*", ""));
            if (decoded.equals(path)) {
                break;
            }
            path = decoded;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return ("/" + String.join("/", segments)).toLowerCase(Locale.ROOT);
    }

    private static String decode(String path) {
        try {
            return UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // a broken escape: the container refuses such a request; matching on the text as it is
            return path;
        }
    }
}
