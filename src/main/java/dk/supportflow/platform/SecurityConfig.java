package dk.supportflow.platform;

import static dk.supportflow.platform.IdentityAuthenticationProvider.GROUP_PREFIX;

import dk.supportflow.people.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. /api (its OpenAPI pages too), the mail viewer and the actuator: HTTP Basic
 * against Camunda's users (stateless); only the health check is open. The portal (/portal, and
 * /dashboard that leads to it): a session login on a Danish page, with CSRF tokens. The Camunda
 * webapps keep their own login (with CSRF protection); /engine-rest gets Camunda's HTTP Basic filter.
 */
@Configuration
public class SecurityConfig {

    static final String SUPPORT = GROUP_PREFIX + Groups.SUPPORTBERETTIGEDE;
    static final String SUPERUSER = GROUP_PREFIX + Groups.SUPERBRUGERE;
    static final String ADMIN = GROUP_PREFIX + Groups.CAMUNDA_ADMIN;
    static final String OPERATIONS = GROUP_PREFIX + Groups.DRIFTSANSVARLIGE;
    static final String MONITORING = GROUP_PREFIX + Groups.MONITORING;

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityAuthenticationProvider provider,
            ApiAuthenticationEntryPoint entryPoint) throws Exception {
        http.securityMatcher("/api/**", "/mails/**", "/actuator/**")
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(ADMIN, MONITORING)
                        .requestMatchers("/actuator/**").hasAuthority(ADMIN)
                        // finding and erasing a citizen's data by CPR number
                        .requestMatchers("/api/privacy/**").hasAuthority(ADMIN)
                        .requestMatchers("/api/admin/**").hasAuthority(ADMIN)
                        .requestMatchers("/api/minsupport/title-check").hasAnyAuthority(SUPERUSER, SUPPORT, ADMIN)
                        .requestMatchers("/api/minsupport/**").hasAnyAuthority(SUPPORT, ADMIN)
                        .requestMatchers("/api/meeting-topics/**").hasAnyAuthority(SUPPORT, ADMIN)
                        // the driftsside: the driftsansvarlige follow it, the supportberettigede keep up with it
                        .requestMatchers("/api/driftsside/**").hasAnyAuthority(OPERATIONS, SUPPORT, ADMIN)
                        .requestMatchers("/api/reports/**").hasAnyAuthority(SUPPORT, ADMIN)
                        .requestMatchers("/api/dashboard").hasAnyAuthority(SUPPORT, OPERATIONS, ADMIN)
                        // the MinSupport draft may show a CPR number in clear text (minsupport.draft)
                        .requestMatchers("/api/cases/*/minsupport-draft").hasAnyAuthority(SUPPORT, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/cases").hasAnyAuthority(SUPERUSER, SUPPORT)
                        .requestMatchers("/api/cases/**").hasAnyAuthority(SUPERUSER, SUPPORT, ADMIN)
                        .requestMatchers("/api/mails/**").hasAuthority(ADMIN)
                        .requestMatchers("/api/people/**").hasAuthority(ADMIN)
                        // knowledge: known errors come from the driftsside (driftsansvarlige follow it)
                        .requestMatchers("/api/knowledge/index/**").hasAuthority(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/knowledge/known-errors").hasAnyAuthority(SUPERUSER, SUPPORT, OPERATIONS, ADMIN)
                        .requestMatchers("/api/knowledge/known-errors/**").hasAnyAuthority(SUPPORT, OPERATIONS, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/knowledge/articles").hasAuthority(SUPPORT)
                        .requestMatchers(HttpMethod.POST, "/api/knowledge/articles/*/retire").hasAnyAuthority(SUPPORT, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/knowledge", "/api/knowledge/articles/*").hasAnyAuthority(SUPERUSER, SUPPORT, ADMIN)
                        .requestMatchers("/api/knowledge/**").denyAll()
                        .requestMatchers("/mails/**").authenticated()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic auth, no cookies: CSRF does not apply
                .csrf(csrf -> csrf.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    /**
     * The portal's pages: the same users and groups as everywhere, logged in once per session.
     * What a page shows within a case (the reporter's own cases only) is the services' rule, as
     * for the API. Scripts and styles come from this site only (no inline script or style).
     */
    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, IdentityAuthenticationProvider provider) throws Exception {
        http.securityMatcher("/portal", "/portal/**", "/dashboard")
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/portal/login", "/portal/ingen-adgang").permitAll()
                        .requestMatchers("/portal/indrapporter", "/portal/indrapporter/**").hasAnyAuthority(SUPERUSER, SUPPORT)
                        .requestMatchers("/portal/sager", "/portal/sager/**").hasAnyAuthority(SUPERUSER, SUPPORT, ADMIN)
                        .requestMatchers("/portal/viden/artikler/**").hasAuthority(SUPPORT)
                        .requestMatchers("/portal/viden/kendte-fejl/**").hasAnyAuthority(SUPPORT, OPERATIONS, ADMIN)
                        .requestMatchers("/portal/viden").hasAnyAuthority(SUPERUSER, SUPPORT, OPERATIONS, ADMIN)
                        .requestMatchers("/portal/driftsside", "/portal/driftsside/**").hasAnyAuthority(OPERATIONS, SUPPORT, ADMIN)
                        .requestMatchers("/portal/minsupport").hasAnyAuthority(SUPPORT, ADMIN)
                        .requestMatchers("/portal/overblik", "/dashboard").hasAnyAuthority(SUPPORT, OPERATIONS, ADMIN)
                        .requestMatchers("/portal", "/portal/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(login -> login.loginPage("/portal/login").failureUrl("/portal/login?fejl")
                        .defaultSuccessUrl("/portal", false))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logget-ud"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/portal/ingen-adgang"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }
}
