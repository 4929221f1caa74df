package dk.supportflow;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls to the running application as a given person (HTTP Basic, password demo). */
public final class Api {

    private final TestRestTemplate rest;

    public Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    public ResponseEntity<Map> post(String user, String path, String json) {
        return exchange(user, HttpMethod.POST, path, json);
    }

    public ResponseEntity<Map> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null);
    }

    public ResponseEntity<List> getList(String user, String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), List.class);
    }

    public ResponseEntity<Map> delete(String user, String path) {
        return exchange(user, HttpMethod.DELETE, path, null);
    }

    public ResponseEntity<String> getText(String user, String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), String.class);
    }

    private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = headers(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        return headers;
    }
}
