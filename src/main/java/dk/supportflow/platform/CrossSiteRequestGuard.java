package dk.supportflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.supportflow.web.ApiError;
import dk.supportflow.web.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses cross-site requests to what HTTP Basic protects: /api (the API docs too), /mails
 * and /engine-rest. A browser that has Basic credentials sends them with every request
 * to the site, also with one that a page of another site makes it send (cross-site request
 * forgery). So a request the browser marks as coming from elsewhere is refused (403), before any
 * login: {@code Sec-Fetch-Site} other than same-origin or none (typed address, bookmark), or an
 * {@code Origin} other than the request's own; so is a form-like body (multipart, form, plain
 * text: what a foreign page can post without asking) whose {@code Referer} is another site, from
 * browsers that send neither header. A top-level GET navigation stays allowed: a link to
 * the API docs must still work. API clients (curl, scripts, Camunda Modeler) send none of these
 * headers and are not affected. The request's own origin is its scheme, host and port, so behind
 * a reverse proxy {@code server.forward-headers-strategy} must be set (docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class CrossSiteRequestGuard extends OncePerRequestFilter {

    static final String REFUSED = "Forespørgslen kom fra en anden hjemmeside og er afvist. Åbn Supportflow direkte, og prøv igen.";

    private static final List<String> GUARDED = List.of("/api", "/mails", "/engine-rest");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");
    private static final Set<String> FORM_LIKE = Set.of(MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.TEXT_PLAIN_VALUE);

    private final ObjectMapper objectMapper;

    public CrossSiteRequestGuard(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return GUARDED.stream().noneMatch(prefix -> RequestPaths.isUnder(request, prefix));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request) && !isTopLevelNavigation(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            objectMapper.writeValue(response.getOutputStream(), ApiError.of(HttpStatus.FORBIDDEN, REFUSED));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_SITE.contains(site.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !isOwnOrigin(origin, request);
        }
        String referer = request.getHeader("Referer");
        return site == null && referer != null && isFormLike(request) && !isOwnOrigin(referer, request);
    }

    /** GET or HEAD of a whole page: following a link, not a page's image, script, frame or fetch. */
    private static boolean isTopLevelNavigation(HttpServletRequest request) {
        String dest = request.getHeader("Sec-Fetch-Dest");
        return (request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))
                && "navigate".equalsIgnoreCase(request.getHeader("Sec-Fetch-Mode"))
                && (dest == null || dest.equalsIgnoreCase("document"));
    }

    private static boolean isFormLike(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null
                && FORM_LIKE.contains(contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    }

    /** Scheme, host and port of the URL are the request's own ({@code Origin: null} never is). */
    private static boolean isOwnOrigin(String url, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        return uri.getScheme().equalsIgnoreCase(request.getScheme())
                && bare(uri.getHost()).equalsIgnoreCase(bare(request.getServerName()))
                && port(uri.getScheme(), uri.getPort()) == port(request.getScheme(), request.getServerPort());
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return scheme.equalsIgnoreCase("https") ? 443 : 80;
    }
}
