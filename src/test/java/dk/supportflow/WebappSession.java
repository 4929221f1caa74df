package dk.supportflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A person logged in to a Camunda webapp as its login page does it: session cookie and the CSRF
 * token the app hands out, so tests can call the webapps' own API (e.g. Tasklist's
 * {@code /camunda/api/engine/engine/default/...}).
 */
public final class WebappSession {

    private final TestRestTemplate rest;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;
    private HttpStatus loginStatus;

    private WebappSession(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** Logs in to {@code app} (tasklist, cockpit, admin) with password demo. */
    public static WebappSession login(TestRestTemplate rest, String user, String app) {
        WebappSession session = new WebappSession(rest);
        session.refreshToken(app);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", "demo");
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app,
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        session.loginStatus = HttpStatus.valueOf(answer.getStatusCode().value());
        session.keepCookies(answer);
        // the session (and with it the token) changes at login
        session.refreshToken(app);
        return session;
    }

    public HttpStatus loginStatus() {
        return loginStatus;
    }

    public ResponseEntity<String> exchange(HttpMethod method, String path, String json) {
        HttpHeaders headers = headers();
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        ResponseEntity<String> answer = rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        keepCookies(answer);
        return answer;
    }

    private void refreshToken(String app) {
        ResponseEntity<String> page = rest.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET,
                new HttpEntity<>(headers()), String.class);
        keepCookies(page);
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        if (token != null) {
            csrfToken = token;
        }
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
        if (csrfToken != null) {
            headers.set("X-XSRF-TOKEN", csrfToken);
        }
        if (!cookies.isEmpty()) {
            headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
        return headers;
    }

    private void keepCookies(ResponseEntity<?> answer) {
        for (String cookie : answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
            String[] pair = cookie.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
    }
}
