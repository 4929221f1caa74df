package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.SupportflowTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Requests that a page of another site makes a browser send, with the Basic credentials the
 * browser has cached, are refused on /api, /mails, /dashboard and /engine-rest; the application's
 * own pages, links to it and API clients keep working.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class CrossSiteRequestTest {

    static final String EVIL = "https://angriber.example";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repositoryService;
    @LocalServerPort
    int port;

    /** The browser's view of a request: its Sec-Fetch-*, Origin and Referer headers. */
    record Browser(String name, Map<String, String> headers) {
    }

    List<Browser> forgeries() {
        return List.of(
                new Browser("form post from another site", Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate",
                        "Sec-Fetch-Dest", "document", "Origin", EVIL, "Referer", EVIL + "/side")),
                new Browser("fetch from another site", Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors",
                        "Sec-Fetch-Dest", "empty", "Origin", EVIL)),
                new Browser("a sibling subdomain", Map.of("Sec-Fetch-Site", "same-site", "Sec-Fetch-Mode", "no-cors",
                        "Origin", "http://andet.localhost:" + port)),
                new Browser("a browser without Sec-Fetch", Map.of("Origin", EVIL)),
                new Browser("a sandboxed frame", Map.of("Origin", "null")),
                new Browser("another port of the same host", Map.of("Origin", "http://localhost:1")),
                new Browser("an old browser's form post", Map.of("Referer", EVIL + "/side")));
    }

    @Test
    void aForgedRetryOfAMailIsRefusedAndChangesNothing() {
        long mail = failedMail();
        for (Browser browser : forgeries()) {
            for (String path : List.of("/api/mails/" + mail + "/retry", "/API/mails/" + mail + "/retry",
                    "/api;x=1/mails/" + mail + "/retry")) {
                ResponseEntity<String> response = send("admin", HttpMethod.POST, path, browser, MediaType.TEXT_PLAIN, "x");
                assertThat(response.getStatusCode()).as(browser.name() + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(response.getBody()).as(browser.name()).contains(CrossSiteRequestGuard.REFUSED);
            }
        }
        assertThat(statusOf(mail)).isEqualTo("FAILED");

        // the application's own page (same origin) and an API client (no browser headers) may
        ResponseEntity<String> sameOrigin = send("admin", HttpMethod.POST, "/api/mails/" + mail + "/retry",
                new Browser("same origin", Map.of("Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors",
                        "Origin", "http://localhost:" + port, "Referer", "http://localhost:" + port + "/api/docs")), null, null);
        assertThat(sameOrigin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sameOrigin.getBody()).contains("\"status\":\"PENDING\"");
        long another = failedMail();
        assertThat(send("admin", HttpMethod.POST, "/api/mails/" + another + "/retry", new Browser("curl", Map.of()), null, null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aForgedDeploymentOrFormPostToTheEngineRestApiIsRefused() {
        String name = "forfalsket-" + System.nanoTime();
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("deployment-name", name);
        form.add("process.bpmn", new ByteArrayResource("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="x">
                  <process id="forfalsket" isExecutable="true" camunda:historyTimeToLive="P1D"><startEvent id="s"/></process>
                </definitions>""".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "process.bpmn";
            }
        });
        for (Browser browser : forgeries()) {
            for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/engine/default/deployment/create",
                    "//engine-rest/deployment/create")) {
                assertThat(send("admin", HttpMethod.POST, path, browser, MediaType.MULTIPART_FORM_DATA, form).getStatusCode())
                        .as(browser.name() + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            assertThat(send("admin", HttpMethod.POST, "/engine-rest/message", browser, MediaType.APPLICATION_FORM_URLENCODED,
                    "messageName=x").getStatusCode()).as(browser.name()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(send("admin", HttpMethod.POST, "/engine-rest/message", browser, MediaType.TEXT_PLAIN,
                    "{\"messageName\": \"x\"}").getStatusCode()).as(browser.name()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();

        // the same deployment from an API client (Camunda Modeler, curl) goes through
        assertThat(send("admin", HttpMethod.POST, "/engine-rest/deployment/create", new Browser("Modeler", Map.of()),
                MediaType.MULTIPART_FORM_DATA, form).getStatusCode()).isEqualTo(HttpStatus.OK);
        repositoryService.createDeploymentQuery().deploymentName(name).list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));

        // the application's own origin reads the engine as before
        assertThat(send("support1", HttpMethod.GET, "/engine-rest/task", new Browser("same origin",
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", "http://localhost:" + port)), null, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aLinkFromAnotherSiteStillOpensThePageButNothingElseIsLoadedCrossSite() {
        Browser followingALink = new Browser("link", Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate",
                "Sec-Fetch-Dest", "document", "Sec-Fetch-User", "?1", "Referer", EVIL + "/intranet"));
        for (String page : List.of("/mails")) {
            ResponseEntity<String> opened = send("support1", HttpMethod.GET, page, followingALink, null, null);
            assertThat(opened.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
            assertThat(opened.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        }
        Browser inAFrame = new Browser("frame", Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate",
                "Sec-Fetch-Dest", "iframe"));
        Browser asAScript = new Browser("script", Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors",
                "Sec-Fetch-Dest", "script"));
        for (Browser browser : List.of(inAFrame, asAScript)) {
            for (String path : List.of("/mails", "/api/dashboard", "/api/openapi.json", "/engine-rest/task")) {
                assertThat(send("support1", HttpMethod.GET, path, browser, null, null).getStatusCode())
                        .as(browser.name() + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        // the dashboard's own request for its figures
        assertThat(send("support1", HttpMethod.GET, "/api/dashboard", new Browser("same origin",
                Map.of("Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty")), null, null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, Browser browser, MediaType type,
            Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        browser.headers().forEach(headers::set);
        if (type != null) {
            headers.setContentType(type);
        }
        // sent as written: a URI template would encode the semicolon
        return rest.getRestTemplate().exchange(java.net.URI.create("http://localhost:" + port + path), method,
                new HttpEntity<>(body, headers), String.class);
    }

    /** A mail that could not be delivered, waiting for an administrator to resend it. */
    private long failedMail() {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into outbox_mail (idempotency_key, recipient, subject, body, status, attempts, last_error, created_at,
                    next_attempt_at)
                values (?, 'superbruger1@kommune.example', 'Kvittering', 'Tekst', 'FAILED', 10, 'ConnectException', ?, ?)""",
                "test-" + UUID.randomUUID(), now, now);
        return jdbc.queryForObject("select max(id) from outbox_mail", Long.class);
    }

    private String statusOf(long mail) {
        return jdbc.queryForObject("select status from outbox_mail where id = ?", String.class, mail);
    }
}
