package dk.supportflow.platform;

import dk.supportflow.web.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server answers before the start-up work is done (the process models deployed, the
 * groups, grants and demo users in place: Spring's runners), and a login then would fail as if
 * the password were wrong. Until the node is ready (readiness ACCEPTING_TRAFFIC) every request but
 * the health checks gets 503 with a Danish "starting" message and Retry-After.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupGate extends OncePerRequestFilter {

    static final String STARTING = "Supportflow starter op. Prøv igen om et øjeblik.";

    private final ApplicationAvailability availability;

    public StartupGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                || RequestPaths.isUnder(request, "/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"status\":503,\"message\":\"" + STARTING + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
