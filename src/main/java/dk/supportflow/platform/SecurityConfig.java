package dk.supportflow.platform;

import static dk.supportflow.platform.IdentityAuthenticationProvider.GROUP_PREFIX;

import dk.supportflow.people.Groups;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. /api (its OpenAPI pages too), the mail viewer and the actuator: HTTP Basic
 * against Camunda's users (stateless); only the health check is open. The portal (/portal, and
 * /dashboard that leads to it): a session login on a Danish page, with CSRF tokens. The Camunda
 * webapps keep their own login (with CSRF protection); /engine-rest gets Camunda's HTTP Basic filter.
 * With single sign-on ({@link SingleSignOn}) the webapps and the mail viewer log in with the portal
 * through the provider, and the APIs take its bearer tokens beside Basic.
 */
@Configuration
public class SecurityConfig {

    static final String SUPPORT = GROUP_PREFIX + Groups.SUPPORTBERETTIGEDE;
    static final String SUPERUSER = GROUP_PREFIX + Groups.SUPERBRUGERE;
    static final String ADMIN = GROUP_PREFIX + Groups.CAMUNDA_ADMIN;
    static final String OPERATIONS = GROUP_PREFIX + Groups.DRIFTSANSVARLIGE;
    static final String MONITORING = GROUP_PREFIX + Groups.MONITORING;
    static final String WEBAPPS = "/camunda/**";
    static final String WEBAPP_LOGOUT = "/camunda/logout";
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityAuthenticationProvider provider,
            ApiAuthenticationEntryPoint entryPoint, ObjectProvider<SingleSignOn> sso) throws Exception {
        SingleSignOn singleSignOn = sso.getIfAvailable();
        // with single sign-on the mail viewer is a page behind the provider's login (portalSecurity)
        http.securityMatcher(singleSignOn == null ? new String[] {"/api/**", "/mails/**", "/actuator/**"}
                        : new String[] {"/api/**", "/actuator/**"})
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
        if (singleSignOn != null) {
            singleSignOn.bearerTokens(http, entryPoint);
        }
        return http.build();
    }

    /**
     * With single sign-on, /engine-rest takes the provider's bearer tokens beside Basic, checked
     * here, and Camunda's filter takes the person from Spring Security (engineRestAuthentication).
     */
    @Bean
    @ConditionalOnProperty(name = "supportflow.identity.sso.enabled", havingValue = "true")
    SecurityFilterChain engineRestSecurity(HttpSecurity http, IdentityAuthenticationProvider provider,
            ApiAuthenticationEntryPoint entryPoint, SingleSignOn singleSignOn) throws Exception {
        // a path, not an MVC pattern: the engine REST API is a servlet of its own
        http.securityMatcher(PATHS.matcher("/engine-rest/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        singleSignOn.bearerTokens(http, entryPoint);
        return http.build();
    }

    /**
     * The portal's pages: the same users and groups as everywhere, logged in once per session.
     * What a page shows within a case (the reporter's own cases only) is the services' rule, as
     * for the API. Scripts and styles come from this site only (no inline script or style).
     * With single sign-on the Camunda webapps and the mail viewer join this session: a page
     * leads to the provider's login, and logging out ends the provider's session too.
     */
    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, IdentityAuthenticationProvider provider,
            ObjectProvider<SingleSignOn> sso, ObjectProvider<ClientRegistrationRepository> clients) throws Exception {
        SingleSignOn singleSignOn = sso.getIfAvailable();
        List<String> paths = new ArrayList<>(List.of("/portal", "/portal/**", "/dashboard"));
        if (singleSignOn != null) {
            paths.addAll(List.of(WEBAPPS, "/mails/**", "/oauth2/**", "/login/oauth2/**", SingleSignOn.BACK_CHANNEL));
        }
        // paths, not MVC patterns: the webapps' API is a servlet of its own
        http.securityMatcher(new OrRequestMatcher(paths.stream().<RequestMatcher>map(PATHS::matcher).toList()))
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
                        // the webapps check their own grants; the mail viewer shows each person their own mails
                        .requestMatchers(PATHS.matcher(WEBAPPS), PATHS.matcher("/mails/**")).authenticated()
                        .anyRequest().denyAll())
                // the password form: everyone's without single sign-on, the break-glass administrator's with it
                .formLogin(login -> login.loginPage("/portal/login").failureHandler(loginFailures())
                        .defaultSuccessUrl("/portal", false))
                .logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(
                                PATHS.matcher(HttpMethod.POST, "/portal/logout"),
                                // the webapps' own logout link leads here (WebappLogoutScript): a plain navigation
                                PATHS.matcher(HttpMethod.GET, WEBAPP_LOGOUT)))
                        .logoutSuccessHandler(singleSignOn == null ? toLoginPage() : singleSignOn.logoutAtProvider(clients.getObject())))
                .exceptionHandling(ex -> ex.accessDeniedHandler(pageRefusals()))
                // Camunda's webapps protect their API with a CSRF filter of their own
                .csrf(csrf -> csrf.ignoringRequestMatchers(PATHS.matcher(WEBAPPS)))
                .headers(headers -> headers
                        // the webapps send a policy of their own; a second one would be enforced beside it
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(PATHS.matcher(WEBAPPS)),
                                new ContentSecurityPolicyHeaderWriter("default-src 'self'; img-src 'self' data:; "
                                        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")))
                        .frameOptions(frame -> frame.deny()));
        if (singleSignOn != null) {
            http.exceptionHandling(ex -> ex.authenticationEntryPoint(singleSignOn.loginEntryPoint()));
            singleSignOn.login(http, clients.getObject());
        }
        return http.build();
    }

    /**
     * "Ingen adgang", except for a form sent after the session ran out (its CSRF token belongs to
     * the session that is gone): the login page says what happened; the suggestions box says it in
     * place, without leaving the page, so what is typed can still be copied.
     */
    private static AccessDeniedHandler pageRefusals() {
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage("/portal/ingen-adgang");
        return (request, response, denied) -> {
            boolean expired = denied instanceof CsrfException && request.getRequestedSessionId() != null
                    && !request.isRequestedSessionIdValid();
            if (!expired) {
                refused.handle(request, response, denied);
            } else if ("true".equals(request.getHeader("HX-Request"))) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<p class=\"warning\" role=\"alert\">Du er blevet logget ud, fordi der er gået et "
                        + "stykke tid. Kopiér det, du har skrevet, og <a href=\"/portal/login?udloebet\">log ind igen</a>.</p>");
            } else {
                response.sendRedirect(request.getContextPath() + "/portal/login?udloebet");
            }
        };
    }

    /** A wrong password, or a directory that does not answer (IdentityAuthenticationProvider). */
    private static AuthenticationFailureHandler loginFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/portal/login?fejl");
        failures.setExceptionMappings(Map.of(AuthenticationServiceException.class.getName(), "/portal/login?katalog"));
        return failures;
    }

    private static LogoutSuccessHandler toLoginPage() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/portal/login?logget-ud");
        return handler;
    }

    /** Camunda's own Basic check, or with single sign-on the person engineRestSecurity logged in. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
            @Value("${supportflow.identity.sso.enabled:false}") boolean singleSignOn) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", (singleSignOn ? SpringSecurityAuthentication.class
                : HttpBasicAuthenticationProvider.class).getName());
        return registration;
    }

    /** With single sign-on, the webapps take the person this application logged in (after Spring Security's filters). */
    @Bean
    @ConditionalOnProperty(name = "supportflow.identity.sso.enabled", havingValue = "true")
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("webapp-authentication");
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.addInitParameter("authentication-provider", SpringSecurityAuthentication.class.getName());
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
