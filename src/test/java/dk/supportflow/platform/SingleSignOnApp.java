package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.supportflow.SupportflowApplication;
import dk.supportflow.TestSmtpServer;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application with single sign-on, and the OpenID Connect provider it trusts
 * ({@link TestOidcProvider}), each in a context of its own on ports chosen for this JVM: for the
 * request tests ({@link SingleSignOnTest}) and the browser test (e2e.SingleSignOnE2ETest).
 * Also the test's own way to the provider's tokens, as an API client would get them.
 */
public final class SingleSignOnApp implements AutoCloseable {

    public static final int SMTP_PORT = TestSmtpServer.freePort();
    public static final int APP_PORT = TestSmtpServer.freePort();
    public static final int PROVIDER_PORT = TestSmtpServer.freePort();
    public static final String APP = "http://localhost:" + APP_PORT;
    public static final String PROVIDER = TestOidcProvider.issuer(PROVIDER_PORT);
    /** Camunda's engine registry is per JVM: this application's engine has a name of its own. */
    public static final String ENGINE = "sso";
    public static final String BREAK_GLASS = "noedadgang";
    public static final String BREAK_GLASS_PASSWORD = "Nød-adgang-2026!";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    public static final ObjectMapper JSON = new ObjectMapper();

    public final ConfigurableApplicationContext provider;
    public final ConfigurableApplicationContext app;

    private SingleSignOnApp(ConfigurableApplicationContext provider, ConfigurableApplicationContext app) {
        this.provider = provider;
        this.app = app;
    }

    /** The provider first: the application reads its configuration at start-up. */
    public static SingleSignOnApp start() {
        ConfigurableApplicationContext provider = TestOidcProvider.start(PROVIDER_PORT, APP);
        return new SingleSignOnApp(provider, new SpringApplicationBuilder(SupportflowApplication.class).run(appArguments()));
    }

    @Override
    public void close() {
        app.close();
        provider.close();
    }

    public static String[] appArguments() {
        return List.of(
                "camunda.bpm.process-engine-name=" + ENGINE,
                "camunda.bpm.job-execution.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:sso;DB_CLOSE_DELAY=-1",
                "server.port=" + APP_PORT,
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + SMTP_PORT,
                "supportflow.mail.dispatch-interval=PT1H",
                "supportflow.knowledge.index-dir=in-memory",
                "supportflow.privacy.retention-cron=-",
                "supportflow.admin.id=" + BREAK_GLASS,
                "supportflow.admin.password=" + BREAK_GLASS_PASSWORD,
                "supportflow.identity.password-login=break-glass",
                "supportflow.identity.sso.enabled=true",
                "supportflow.identity.sso.groups-claim=groups",
                "supportflow.identity.sso.groups.superbrugere=GG-KP-Superbrugere",
                "supportflow.identity.sso.groups.supportberettigede=GG-KP-Support",
                "spring.security.oauth2.client.registration.sso.client-id=" + TestOidcProvider.CLIENT_ID,
                "spring.security.oauth2.client.registration.sso.client-secret=" + TestOidcProvider.CLIENT_SECRET,
                "spring.security.oauth2.client.registration.sso.scope=openid,profile,email",
                "spring.security.oauth2.client.provider.sso.issuer-uri=" + PROVIDER,
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + PROVIDER,
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestOidcProvider.CLIENT_ID,
                // the provider's classes are on the test classpath: not the application's business
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration")
                .stream().map(property -> "--" + property).toArray(String[]::new);
    }

    public static HttpResponse<String> submitProviderLogin(HttpClient browser, HttpResponse<String> loginPage, String user)
            throws Exception {
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("the provider's login form").isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(PROVIDER + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", "demo", "_csrf", csrf.group(1)))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The authorization code flow with PKCE as an API client does it: the provider's access token for the person. */
    public static String accessToken(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(("verifier-" + System.nanoTime() + "-" + user
                + "-padding-to-make-it-long-enough").getBytes(StandardCharsets.UTF_8));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = PROVIDER + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", TestOidcProvider.CLIENT_ID,
                "scope", "openid", "redirect_uri", TestOidcProvider.TEST_CLIENT_REDIRECT, "state", "s",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(toLogin.headers().firstValue("Location")
                .orElseThrow())).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> loggedIn = submitProviderLogin(browser, loginPage, user);
        HttpResponse<String> withCode = browser.send(HttpRequest.newBuilder(URI.create(loggedIn.headers().firstValue("Location")
                .orElseThrow())).build(), HttpResponse.BodyHandlers.ofString());
        String redirect = withCode.headers().firstValue("Location").orElseThrow();
        assertThat(redirect).startsWith(TestOidcProvider.TEST_CLIENT_REDIRECT);
        String code = urlDecoded(redirect.replaceAll(".*[?&]code=([^&]+).*", "$1"));
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(PROVIDER + "/oauth2/token"))
                .header("Authorization", basic(TestOidcProvider.CLIENT_ID, TestOidcProvider.CLIENT_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", TestOidcProvider.TEST_CLIENT_REDIRECT, "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return (String) JSON.readValue(tokens.body(), Map.class).get("access_token");
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String urlDecoded(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
