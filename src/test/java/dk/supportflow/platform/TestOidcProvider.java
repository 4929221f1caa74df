package dk.supportflow.platform;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The municipality's OpenID Connect provider in the single sign-on tests: Spring Authorization
 * Server in an application context of its own on 127.0.0.1 (the application under test runs on
 * localhost, so their session cookies never meet). Its people carry their directory groups in a
 * {@code groups} claim, as Entra ID and ADFS can be set up to. Every password is "demo".
 * Deliberately no {@code @Configuration}: the application's component scan must not find it.
 */
@EnableWebSecurity
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
public class TestOidcProvider {

    public static final String CLIENT_ID = "supportflow";
    public static final String CLIENT_SECRET = "hemmelig-klientnoegle";
    /** Where the tests themselves receive a code when they act as an API client; never called. */
    public static final String TEST_CLIENT_REDIRECT = "http://127.0.0.1:9/modtag";

    record Person(String id, String password, String givenName, String familyName, String email, List<String> groups) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("sso.superbruger", "demo", "Signe", "Superbruger", "signe.superbruger@kommune.example",
                    List.of("GG-KP-Superbrugere")),
            new Person("sso.support", "demo", "Sune", "Support", "sune.support@kommune.example", List.of("GG-KP-Support")),
            new Person("sso.kantine", "demo", "Karl", "Kantine", "karl.kantine@kommune.example", List.of("GG-Kantine")),
            new Person("sso.vikar", "demo", "Vera", "Vikar", "vera.vikar@kommune.example", List.of("GG-KP-Superbrugere")));

    static String issuer(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the provider on the port, for the application that will run on appBase. */
    static ConfigurableApplicationContext start(int port, String appBase) {
        return new SpringApplicationBuilder(TestOidcProvider.class)
                .properties(Map.of("app.base", appBase))
                // none of the application's configuration: its own name, a session cookie of its own
                .run("--spring.config.name=oidc-provider", "--server.port=" + port, "--server.address=127.0.0.1",
                        "--server.servlet.session.cookie.name=PROVIDERSESSION", "--spring.main.banner-mode=off");
    }

    static final KeyPair KEYS = rsa();

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** The directory behind the provider: a test moves a person out of a group here. */
    @Bean
    InMemoryUserDetailsManager people() {
        return new InMemoryUserDetailsManager(PEOPLE.stream().map(person -> User.withUsername(person.id())
                .password("{noop}" + person.password()).authorities(person.groups().toArray(String[]::new)).build()).toList());
    }

    @Bean
    RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
        String app = environment.getRequiredProperty("app.base");
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(app + "/login/oauth2/code/" + SingleSignOn.REGISTRATION)
                .redirectUri(TEST_CLIENT_REDIRECT)
                .postLogoutRedirectUri(app + "/portal/login?logget-ud")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                // PKCE required: a login without it is refused
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            Person person = PEOPLE.stream().filter(p -> p.id().equals(context.getPrincipal().getName())).findFirst().orElse(null);
            if (person == null) {
                return;
            }
            context.getClaims().claim("preferred_username", person.id());
            context.getClaims().claim("groups", context.getPrincipal().getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).toList());
            if ("id_token".equals(context.getTokenType().getValue())) {
                context.getClaims().claim("given_name", person.givenName()).claim("family_name", person.familyName())
                        .claim("email", person.email());
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
                .privateKey((RSAPrivateKey) KEYS.getPrivate()).keyID("test-provider").build()));
    }

    /** The provider's own user info endpoint reads its tokens with it. */
    @Bean
    JwtDecoder decoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings(org.springframework.core.env.Environment environment) {
        return AuthorizationServerSettings.builder().issuer(issuer(environment.getRequiredProperty("server.port", Integer.class)))
                .build();
    }

    /** Signs tokens as this provider does: the tests make expired ones with it. */
    static JwtEncoder encoder() {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
                .privateKey((RSAPrivateKey) KEYS.getPrivate()).keyID("test-provider").build())));
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
