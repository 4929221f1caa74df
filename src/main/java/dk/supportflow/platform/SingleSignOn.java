package dk.supportflow.platform;

import static dk.supportflow.platform.IdentityAuthenticationProvider.GROUP_PREFIX;

import dk.supportflow.people.PeopleDirectory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * {@code supportflow.identity.sso.enabled=true}: people log in through the municipality's OpenID
 * Connect provider (Entra ID, ADFS, …), and the APIs take its access tokens. Who someone is comes
 * from a claim; their groups from a claim (mapped to the roles) or from Camunda's identity service
 * (the directory, or database users). A person the database does not know yet is written there at
 * their first login, with their name, address and (from the claim) groups, so that mails, names
 * and Tasklist filters find them as they find everyone else.
 */
@Configuration
@ConditionalOnProperty(name = "supportflow.identity.sso.enabled", havingValue = "true")
@EnableConfigurationProperties(SingleSignOn.Settings.class)
public class SingleSignOn {

    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOn.class);
    /** The registration id under spring.security.oauth2.client.registration: the login path is /oauth2/authorization/sso. */
    public static final String REGISTRATION = "sso";
    /** Where the provider posts its logout tokens (Spring Security's path for the registration). */
    public static final String BACK_CHANNEL = "/logout/connect/back-channel/" + REGISTRATION;

    @ConfigurationProperties("supportflow.identity.sso")
    public static class Settings {
        private boolean enabled;
        /** The claim with the person's user id: the same id as in the directory or Camunda. */
        private String userClaim = "preferred_username";
        /** The claim with the person's groups; empty: the groups come from the directory or Camunda. */
        private String groupsClaim = "";
        /** role → the value of the groups claim that holds it (Entra ID: the group's object id). */
        private Map<String, String> groups = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getUserClaim() {
            return userClaim;
        }

        public void setUserClaim(String userClaim) {
            this.userClaim = userClaim;
        }

        public String getGroupsClaim() {
            return groupsClaim;
        }

        public void setGroupsClaim(String groupsClaim) {
            this.groupsClaim = groupsClaim;
        }

        public Map<String, String> getGroups() {
            return groups;
        }

        public void setGroups(Map<String, String> groups) {
            this.groups = groups;
        }
    }

    private final Settings settings;
    private final PeopleDirectory people;

    public SingleSignOn(Settings settings, PeopleDirectory people) {
        this.settings = settings;
        this.people = people;
    }

    /**
     * Pages: the provider's login with PKCE, its logout after ours, and a login that starts there.
     * A logout at the provider (or in another application) ends the session here too: the provider
     * posts a logout token to {@value #BACK_CHANNEL} (OpenID Connect back-channel logout).
     */
    void login(HttpSecurity http, ClientRegistrationRepository clients) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(clients,
                "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login.loginPage("/portal/login")
                .failureUrl("/portal/login?sso-fejl")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signedInPeople())));
        http.oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()));
    }

    /** Ended sessions leave the registry of sessions the back-channel logout looks in. */
    @Bean
    HttpSessionEventPublisher sessionEvents() {
        return new HttpSessionEventPublisher();
    }

    /** Where a page sends someone who is not logged in: straight to the provider. */
    AuthenticationEntryPoint loginEntryPoint() {
        return new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
    }

    /** After our logout, the provider's (RP-initiated logout), which comes back to the login page. */
    LogoutSuccessHandler logoutAtProvider(ClientRegistrationRepository clients) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(clients);
        handler.setPostLogoutRedirectUri("{baseUrl}/portal/login?logget-ud");
        return handler;
    }

    /** The APIs: a bearer token from the provider (issuer and audience checked by Spring's decoder). */
    void bearerTokens(HttpSecurity http, AuthenticationEntryPoint entryPoint) throws Exception {
        http.oauth2ResourceServer(server -> server.authenticationEntryPoint(entryPoint)
                .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens())));
    }

    Converter<Jwt, AbstractAuthenticationToken> tokens() {
        return jwt -> {
            String userId = jwt.getClaimAsString(settings.getUserClaim());
            if (userId == null || userId.isBlank()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
                        "The token has no claim " + settings.getUserClaim(), null));
            }
            return new JwtAuthenticationToken(jwt, authorities(groupsOf(userId, jwt.getClaims())), userId);
        };
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> signedInPeople() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            Object id = user.getClaims().get(settings.getUserClaim());
            if (!(id instanceof String userId) || userId.isBlank()) {
                LOG.warn("Login refused: the provider's token has no claim {} (supportflow.identity.sso.user-claim)",
                        settings.getUserClaim());
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info",
                        "No claim " + settings.getUserClaim(), null));
            }
            Optional<Set<String>> claimedGroups = claimedGroups(user.getClaims());
            people.signedIn(userId, user.getGivenName(), user.getFamilyName(), user.getEmail(), claimedGroups);
            Set<String> groups = claimedGroups.orElseGet(() -> new LinkedHashSet<>(people.groupsOf(userId)));
            return new DefaultOidcUser(authorities(groups), user.getIdToken(), user.getUserInfo(), settings.getUserClaim());
        };
    }

    private Set<String> groupsOf(String userId, Map<String, Object> claims) {
        return claimedGroups(claims).orElseGet(() -> new LinkedHashSet<>(people.groupsOf(userId)));
    }

    /** The groups the token names, as role ids where mapped; empty when the groups come from elsewhere. */
    private Optional<Set<String>> claimedGroups(Map<String, Object> claims) {
        if (settings.getGroupsClaim().isBlank()) {
            return Optional.empty();
        }
        Set<String> groups = new LinkedHashSet<>();
        Object claim = claims.get(settings.getGroupsClaim());
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        for (Object value : values) {
            String group = String.valueOf(value);
            groups.add(settings.getGroups().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(group))
                    .map(Map.Entry::getKey).findFirst().orElse(group));
        }
        return Optional.of(groups);
    }

    private static List<GrantedAuthority> authorities(Collection<String> groups) {
        return groups.stream().<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GROUP_PREFIX + group)).toList();
    }
}
