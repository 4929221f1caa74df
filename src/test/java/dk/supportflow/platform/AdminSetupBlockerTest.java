package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.SupportflowTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The Admin webapp's setup endpoint (CVE-2026-77226) is refused under the configured application
 * path, whichever way its URL is spelled: against the running application, and for a
 * non-default {@code camunda.bpm.webapp.application-path} against the filter itself.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class AdminSetupBlockerTest {

    static final String BODY = """
            {"profile": {"id": "%s", "firstName": "I", "lastName": "N", "email": "i@example.org"},
             "credentials": {"password": "intruder-password"}}""";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @LocalServerPort
    int port;

    @Test
    void noSpellingOfTheSetupUrlReachesTheEndpoint() throws Exception {
        HttpHeaders headers = webappSession();
        List<String> spellings = List.of(
                "/camunda/api/admin/setup/default/user/create",
                "/camunda//api//admin/setup/default/user/create",
                "/camunda/api/admin/setup;jsessionid=ABC123/default/user/create",
                "/camunda/api/admin/%73etup/default/user/create",
                "/camunda/api/admin/%2573etup/default/user/create",
                "/camunda/api/admin/./setup/default/user/create",
                "/camunda/api/admin/auth/../setup/default/user/create",
                "/camunda/api/ADMIN/Setup/default/user/create",
                "/CAMUNDA/api/admin/setup/default/user/create");
        for (int i = 0; i < spellings.size(); i++) {
            String intruder = "intruder" + i;
            // sent as is: a URI template would encode the percent signs again
            var response = rest.getRestTemplate().exchange(java.net.URI.create("http://localhost:" + port + spellings.get(i)),
                    HttpMethod.POST, new HttpEntity<>(BODY.formatted(intruder), headers), String.class);
            assertThat(response.getStatusCode().value()).as(spellings.get(i)).isEqualTo(403);
            assertThat(identityService.createUserQuery().userId(intruder).count()).as(spellings.get(i)).isZero();
        }
    }

    @Test
    void theBlockFollowsANonDefaultApplicationPath() throws Exception {
        AdminSetupBlocker.Filter filter = new AdminSetupBlocker.Filter(AdminSetupBlocker.setupApi("/werkzeug/"));
        for (String spelling : List.of(
                "/werkzeug/api/admin/setup/default/user/create",
                "//werkzeug/api//admin/setup/default/user/create",
                "/werkzeug/api/admin/setup;jsessionid=ABC123/default/user/create",
                "/werkzeug/api/admin/%73etup/default/user/create",
                "/Werkzeug/API/admin/SETUP/default/user/create")) {
            assertThat(statusOf(filter, spelling)).as(spelling).isEqualTo(403);
        }
        assertThat(statusOf(filter, "/werkzeug/api/admin/auth/user/default/login/admin")).isEqualTo(200);
        assertThat(statusOf(filter, "/werkzeug/app/admin/default/")).isEqualTo(200);

        // the webapps at the root (application-path "/"), as older starters had them
        AdminSetupBlocker.Filter atRoot = new AdminSetupBlocker.Filter(AdminSetupBlocker.setupApi("/"));
        assertThat(statusOf(atRoot, "/api/admin/setup/default/user/create")).isEqualTo(403);
        assertThat(statusOf(atRoot, "/api/cases")).isEqualTo(200);
    }

    private static int statusOf(AdminSetupBlocker.Filter filter, String rawUri) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", rawUri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest() == null).isEqualTo(response.getStatus() == 403);
        return response.getStatus();
    }

    /** The webapp's CSRF cookie and token, so that only the blocker can refuse the request. */
    private HttpHeaders webappSession() {
        var page = rest.getForEntity("/camunda/app/admin/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.set(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList()));
        return headers;
    }
}
