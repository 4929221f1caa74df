package dk.supportflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.SupportflowTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The /api size limit (1 MiB in these tests) for bodies without a Content-Length (chunked): counted
 * as they are read, whoever reads them.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class RequestSizeLimitTest {

    static final int LIMIT = 1_048_576;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aChunkedCaseUnderTheLimitIsOpenedAndOneOverItIsRefusedInDanishAndNotOpened() throws Exception {
        String small = "Stor forespørgsel under grænsen " + System.nanoTime();
        HttpResponse<String> accepted = sendChunked("POST", "/api/cases", "application/json", caseWithPadding(small, LIMIT - 10_000));
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(casesTitled(small)).isEqualTo(1);

        String large = "Stor forespørgsel over grænsen " + System.nanoTime();
        HttpResponse<String> refused = sendChunked("POST", "/api/cases", "application/json", caseWithPadding(large, LIMIT + 100_000));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(refused.body()).contains("\"message\":\"Forespørgslen er for stor (højst 1024 kB).\"");
        assertThat(casesTitled(large)).isZero();
    }

    @Test
    void theLimitHoldsOnEverySpellingOfTheApiPath() throws Exception {
        for (String path : new String[] {"/api;x=1/cases", "//api/cases", "/api/./cases", "/%61pi/cases"}) {
            String title = "Stavemåde " + System.nanoTime();
            HttpResponse<String> response = sendChunked("POST", path, "application/json", caseWithPadding(title, LIMIT + 100_000));
            assertThat(response.statusCode()).as(path).isIn(400, 404, 413);
            assertThat(casesTitled(title)).as(path).isZero();
        }
    }

    @Test
    void aFormBodyThatAFilterReadsIsLimitedToo() throws Exception {
        // Spring's form content filter reads PUT form bodies before any controller (and before the login)
        byte[] form = ("title=" + "x".repeat(LIMIT + 100_000)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = sendChunked("PUT", "/api/cases/SUP-2026-000001", "application/x-www-form-urlencoded", form);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("for stor");
    }

    /** A valid case report whose JSON is padded with whitespace to about {@code size} bytes. */
    private static byte[] caseWithPadding(String title, int size) {
        String json = """
                {"title": "%1$s", "workingOn": "Boligstøtte", "stepsTaken": "Godkendte", "expected": "Afsluttet",
                 "actual": "Står åben", "component": "Beregn tillæg",%2$s"paymentBlocked": false}
                """;
        String padded = json.formatted(title, " ".repeat(Math.max(0, size - json.length())));
        return padded.getBytes(StandardCharsets.UTF_8);
    }

    /** Sent without a Content-Length: the stream's length is unknown, so the client uses chunked encoding. */
    private HttpResponse<String> sendChunked(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("superbruger1:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int casesTitled(String title) {
        return jdbc.queryForObject("select count(*) from support_case where title = ?", Integer.class, title);
    }
}
