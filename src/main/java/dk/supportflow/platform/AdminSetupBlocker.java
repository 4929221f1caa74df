package dk.supportflow.platform;

import dk.supportflow.web.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates CVE-2026-77226: Camunda 7.24's Admin webapp creates an administrator through its
 * setup endpoint whenever camunda-admin has no direct member. Administrators are created
 * from configuration (people.AdminAccount) or in the Admin webapp, never through setup, so
 * the endpoint (and the setup page that calls it) always answers 403. The endpoint lies below
 * the webapps' {@code camunda.bpm.webapp.application-path}; the filter sees every request and
 * compares normalised paths, so that no spelling of the URL (double slashes, {@code ;jsessionid},
 * percent-encoding, case, dot segments) reaches the endpoint.
 */
@Configuration
public class AdminSetupBlocker {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminSetupBlockerFilter(CamundaBpmProperties camunda) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(setupApi(camunda.getWebapp().getApplicationPath())));
        registration.setName("admin-setup-blocker");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The normalised path of the Admin webapp's setup endpoint below the given application path. */
    static String setupApi(String applicationPath) {
        return RequestPaths.normalise(applicationPath + "/api/admin/setup");
    }

    static final class Filter extends OncePerRequestFilter {

        private final String setupApi;

        Filter(String setupApi) {
            this.setupApi = setupApi;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !RequestPaths.isUnder(request, setupApi);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Opsætning af administratorer via Admin er slået fra. Kontakt driften.");
        }
    }
}
