package dk.supportflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the portal for tests: keeps its session cookie, logs in on the login
 * page, and sends forms with the CSRF token of the page it last read (as a browser would).
 */
public final class PortalSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String csrf;

    public PortalSession(int port) {
        this("http://localhost:" + port);
    }

    public PortalSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static PortalSession login(int port, String user) {
        return login("http://localhost:" + port, user);
    }

    public static PortalSession login(String base, String user) {
        PortalSession session = new PortalSession(base);
        session.get("/portal/login");
        HttpResponse<String> response = session.post("/portal/login", Map.of("username", user, "password", "demo"));
        if (!response.uri().getPath().startsWith("/portal/") || response.uri().getPath().equals("/portal/login")) {
            throw new IllegalStateException("login of " + user + " failed: " + response.uri());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path)).GET().build()));
    }

    /** A form post with the page's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        return postWithout(path, withToken);
    }

    /** A form post exactly as given: no CSRF token unless it is in the form. */
    public HttpResponse<String> postWithout(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher form = CSRF.matcher(response.body());
        Matcher meta = CSRF_META.matcher(response.body());
        if (form.find()) {
            csrf = form.group(1);
        } else if (meta.find()) {
            csrf = meta.group(1);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
