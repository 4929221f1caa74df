package dk.supportflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestPathsTest {

    @Test
    void everySpellingOfAPathNormalisesToTheSame() {
        for (String spelling : new String[] {
                "/camunda/api/admin/setup/default/user/create",
                "//camunda///api/admin/setup/default/user/create",
                "/camunda/api/admin/setup;jsessionid=ABC123/default/user/create",
                "/camunda;x=y/api/admin/setup/default/user/create",
                "/camunda/api/admin/%73etup/default/user/create",
                "/camunda/api/admin/%2573etup/default/user/create",
                "/camunda/api/admin/%252573etup/default/user/create",
                "/CAMUNDA/Api/ADMIN/Setup/default/user/create",
                "/camunda/api/admin/./setup/default/user/create",
                "/camunda/api/admin/tasklist/../setup/default/user/create",
                "/camunda/api/admin/tasklist/..;/setup/default/user/create",
                "/camunda\\api\\admin\\setup/default/user/create"}) {
            assertThat(RequestPaths.normalise(spelling)).as(spelling).isEqualTo("/camunda/api/admin/setup/default/user/create");
        }
        assertThat(RequestPaths.normalise("/camunda/api/admin/%zzsetup")).isEqualTo("/camunda/api/admin/%zzsetup");
        assertThat(RequestPaths.normalise("/../../api")).isEqualTo("/api");
        assertThat(RequestPaths.normalise("")).isEqualTo("/");
    }

    @Test
    void aPathIsUnderAPrefixOnlyAtASegmentBoundaryAndBelowTheContextPath() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/supportflow/API/cases");
        request.setContextPath("/supportflow");
        assertThat(RequestPaths.normalised(request)).isEqualTo("/api/cases");
        assertThat(RequestPaths.isUnder(request, "/api")).isTrue();
        assertThat(RequestPaths.isUnder(new MockHttpServletRequest("GET", "/api"), "/api")).isTrue();
        assertThat(RequestPaths.isUnder(new MockHttpServletRequest("GET", "/apidocs/x"), "/api")).isFalse();
        assertThat(RequestPaths.isUnder(new MockHttpServletRequest("GET", "/mails/"), "/mails")).isTrue();
    }
}
