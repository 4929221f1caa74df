package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.SupportflowTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Ready means ready: probes for the load balancer, and nothing but them before the start-up work is done. */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class ReadinessTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void livenessAndReadinessAreOpenWithoutDetailsAndUpOnceStarted() {
        Api api = new Api(rest);
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<Map> answer = api.get(null, probe);
            assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).as(probe).containsEntry("status", "UP").doesNotContainKey("components");
        }
    }

    @Test
    void beforeTheStartUpWorkIsDoneEverythingButTheHealthChecksWaits() throws Exception {
        StartupGate starting = new StartupGate(availability(ReadinessState.REFUSING_TRAFFIC));
        MockHttpServletResponse login = new MockHttpServletResponse();
        MockFilterChain loginChain = new MockFilterChain();
        starting.doFilter(new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist"), login,
                loginChain);
        assertThat(login.getStatus()).isEqualTo(503);
        assertThat(login.getHeader("Retry-After")).isEqualTo("5");
        assertThat(login.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Supportflow starter op");
        assertThat(loginChain.getRequest()).as("not passed on").isNull();

        MockFilterChain healthChain = new MockFilterChain();
        starting.doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"), new MockHttpServletResponse(),
                healthChain);
        assertThat(healthChain.getRequest()).isNotNull();

        MockFilterChain readyChain = new MockFilterChain();
        new StartupGate(availability(ReadinessState.ACCEPTING_TRAFFIC))
                .doFilter(new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist"),
                        new MockHttpServletResponse(), readyChain);
        assertThat(readyChain.getRequest()).isNotNull();
    }

    private static ApplicationAvailability availability(ReadinessState readiness) {
        return new ApplicationAvailability() {
            @Override
            public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
                return type == ReadinessState.class ? type.cast(readiness) : defaultState;
            }

            @Override
            public <S extends AvailabilityState> S getState(Class<S> type) {
                return type == ReadinessState.class ? type.cast(readiness) : type.cast(LivenessState.CORRECT);
            }

            @Override
            public <S extends AvailabilityState> org.springframework.boot.availability.AvailabilityChangeEvent<S> getLastChangeEvent(
                    Class<S> type) {
                return null;
            }
        };
    }
}
