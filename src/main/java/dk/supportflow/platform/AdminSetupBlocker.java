package dk.supportflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates CVE-2026-77226: Camunda 7.24's Admin webapp creates an administrator through its
 * setup endpoint whenever camunda-admin has no direct member. Administrators are created
 * from configuration (people.AdminAccount) or in the Admin webapp, never through setup, so
 * the endpoint (and the setup page that calls it) always answers 403.
 */
@Configuration
public class AdminSetupBlocker {

    /** A servlet prefix pattern: everything below /setup. */
    static final String SETUP_API = "/camunda/api/admin/setup/*";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminSetupBlockerFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("Opsætning af administratorer via Admin er slået fra. Kontakt driften.");
            }
        });
        registration.setName("admin-setup-blocker");
        registration.addUrlPatterns(SETUP_API);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
