package dk.supportflow.platform;

import static dk.supportflow.platform.SingleSignOnApp.BREAK_GLASS;
import static dk.supportflow.platform.SingleSignOnApp.BREAK_GLASS_PASSWORD;
import static dk.supportflow.platform.SingleSignOnApp.CSRF;
import static dk.supportflow.platform.SingleSignOnApp.JSON;
import static dk.supportflow.platform.SingleSignOnApp.accessToken;
import static dk.supportflow.platform.SingleSignOnApp.basic;
import static dk.supportflow.platform.SingleSignOnApp.form;
import static dk.supportflow.platform.SingleSignOnApp.submitProviderLogin;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.icegreen.greenmail.util.ServerSetup;
import dk.supportflow.CaseScenario;
import dk.supportflow.people.Groups;
import dk.supportflow.process.SupportCaseProcess;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * {@code supportflow.identity.sso.enabled=true} against an OpenID Connect provider started by
 * the test ({@link TestOidcProvider}): the login through the provider (authorization code with
 * PKCE) into the portal and the Camunda webapps, the person and groups Camunda sees, bearer tokens
 * on /api and /engine-rest (and the ones refused), passwords only for the break-glass
 * administrator, and a logout that ends the provider's session too. The application runs in a
 * context of its own (tag "nodes"), as does the provider.
 */
@Tag("nodes")
class SingleSignOnTest {

    static final String ENGINE_REST = "/engine-rest/engine/" + SingleSignOnApp.ENGINE;
    static final String APP = SingleSignOnApp.APP;
    static final String PROVIDER = SingleSignOnApp.PROVIDER;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SingleSignOnApp.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    static SingleSignOnApp running;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        running = SingleSignOnApp.start();
        app = running.app;
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    /** A browser: cookies per host, redirects followed. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Opens the page; the application sends the browser to the provider, whose login form this fills in. */
    static HttpResponse<String> openThroughProvider(HttpClient browser, String path, String user) throws Exception {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(APP + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.uri().toString()).startsWith(PROVIDER + "/login");
        return submitProviderLogin(browser, login, user);
    }

    @Test
    void aSupportberettigetLogsInThroughTheProviderIntoThePortalAndTasklistAndCompletesATask() throws Exception {
        // a case to work on, reported by a superbruger who signs in the same way
        String superbrugerToken = accessToken("sso.superbruger");
        HttpResponse<String> filed = call("Bearer " + superbrugerToken, "POST", "/api/cases", """
                {"title": "Varmetillæg udbetales ikke efter flytning", "workingOn": "Varmetillæg",
                 "stepsTaken": "Registrerede den nye adresse", "expected": "Udbetaling", "actual": "Ingen udbetaling",
                 "component": "Varmetillæg"}""");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        Map<?, ?> opened = JSON.readValue(filed.body(), Map.class);
        String caseNumber = (String) opened.get("caseNumber");

        HttpClient browser = browser();
        HttpResponse<String> portal = openThroughProvider(browser, "/portal/sager", "sso.support");
        assertThat(portal.uri().toString()).startsWith(APP + "/portal/sager");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Sune Support").contains(caseNumber);

        // the same session opens Tasklist: Camunda sees the person and the groups from the provider
        HttpResponse<String> tasklist = get(browser, "/camunda/app/tasklist/" + SingleSignOnApp.ENGINE + "/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.uri().toString()).startsWith(APP + "/camunda/app/tasklist");
        Map<?, ?> camundaUser = JSON.readValue(get(browser, "/camunda/api/admin/auth/user/" + SingleSignOnApp.ENGINE).body(), Map.class);
        assertThat(camundaUser.get("userId")).isEqualTo("sso.support");
        assertThat((List<String>) camundaUser.get("authorizedApps")).contains("tasklist", "cockpit");
        IdentityService identity = app.getBean(IdentityService.class);
        User written = identity.createUserQuery().userId("sso.support").singleResult();
        assertThat(written.getEmail()).isEqualTo("sune.support@kommune.example");
        assertThat(identity.createGroupQuery().groupMember("sso.support").list()).extracting(Group::getId)
                .containsExactly(Groups.SUPPORTBERETTIGEDE);

        // and completes the analysis through the webapp's API, as Tasklist does
        String processInstanceId = (String) opened.get("processInstanceId");
        String taskId = app.getBean(CaseScenario.class).task(processInstanceId, SupportCaseProcess.Tasks.ANALYSE_ERROR).getId();
        String xsrf = cookie(browser, "XSRF-TOKEN");
        HttpResponse<String> claimed = webapp(browser, xsrf, "/camunda/api/engine/engine/" + SingleSignOnApp.ENGINE + "/task/" + taskId + "/claim",
                "{\"userId\": \"sso.support\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        HttpResponse<String> completed = webapp(browser, xsrf, "/camunda/api/engine/engine/" + SingleSignOnApp.ENGINE + "/task/" + taskId + "/submit-form", """
                {"variables": {"outcome": {"value": "solvedLocally"}, "errorClass": {"value": "userError"},
                 "answer": {"value": "Registrér flytningen med virkning fra flyttedagen."}}}""");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(app.getBean(HistoryService.class).createHistoricTaskInstanceQuery().taskId(taskId)
                .singleResult().getAssignee()).isEqualTo("sso.support");
    }

    @Test
    void somebodyWithoutARoleGetsNoAccessAndAPageOfTheSessionSaysSo() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> refused = openThroughProvider(browser, "/portal/sager", "sso.kantine");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Du har ikke adgang");
    }

    @Test
    void somebodyTheProviderNoLongerPutsInAGroupLosesTheRoleAtTheirNextLogin() throws Exception {
        assertThat(openThroughProvider(browser(), "/portal/sager", "sso.vikar").statusCode()).isEqualTo(200);
        IdentityService identity = app.getBean(IdentityService.class);
        assertThat(identity.createGroupQuery().groupMember("sso.vikar").list()).extracting(Group::getId)
                .containsExactly(Groups.SUPERBRUGERE);

        InMemoryUserDetailsManager directory = running.provider.getBean(InMemoryUserDetailsManager.class);
        directory.updateUser(org.springframework.security.core.userdetails.User.withUsername("sso.vikar").password("{noop}demo").authorities("GG-Kantine").build());
        try {
            assertThat(openThroughProvider(browser(), "/portal/sager", "sso.vikar").statusCode()).isEqualTo(403);
            // what Camunda knows of the person follows: Tasklist's grants and the group's mails leave them out
            assertThat(identity.createGroupQuery().groupMember("sso.vikar").count()).isZero();
            assertThat(identity.createUserQuery().memberOfGroup(Groups.SUPERBRUGERE).list())
                    .extracting(User::getId).doesNotContain("sso.vikar");
        } finally {
            directory.updateUser(org.springframework.security.core.userdetails.User.withUsername("sso.vikar").password("{noop}demo").authorities("GG-KP-Superbrugere").build());
        }
    }

    @Test
    void bearerTokensFromTheProviderAreTakenOnBothApisAndOthersAreRefused() throws Exception {
        String token = accessToken("sso.support");
        assertThat(call("Bearer " + token, "GET", "/api/knowledge?q=pension", null).statusCode()).isEqualTo(200);
        assertThat(call("Bearer " + token, "GET", ENGINE_REST + "/task?candidateGroup=supportberettigede", null).statusCode())
                .isEqualTo(200);
        // roles hold for tokens as for passwords
        assertThat(call("Bearer " + accessToken("sso.superbruger"), "GET", "/actuator/info", null).statusCode())
                .isEqualTo(403);

        Instant past = Instant.now().minusSeconds(3600);
        String expired = sign(PROVIDER, TestOidcProvider.CLIENT_ID, past.minusSeconds(600), past, TestOidcProvider.encoder());
        String foreign = sign("https://login.other.example", TestOidcProvider.CLIENT_ID, Instant.now(),
                Instant.now().plusSeconds(600), TestOidcProvider.encoder());
        String otherAudience = sign(PROVIDER, "another-app", Instant.now(), Instant.now().plusSeconds(600), TestOidcProvider.encoder());
        String otherKey = sign(PROVIDER, TestOidcProvider.CLIENT_ID, Instant.now(), Instant.now().plusSeconds(600), foreignKey());
        for (String refused : List.of(expired, foreign, otherAudience, otherKey, "not-a-token")) {
            assertThat(call("Bearer " + refused, "GET", "/api/knowledge?q=pension", null).statusCode()).isEqualTo(401);
            assertThat(call("Bearer " + refused, "GET", ENGINE_REST + "/task", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void passwordsAreRefusedOnEveryPathExceptTheBreakGlassAdministrators() throws Exception {
        // the demo people still have their passwords in the database: single sign-on is the only way in
        String demo = basic("superbruger1", "demo");
        assertThat(call(demo, "GET", "/api/knowledge?q=pension", null).statusCode()).isEqualTo(401);
        assertThat(call(demo, "GET", ENGINE_REST + "/task", null).statusCode()).isEqualTo(401);
        assertThat(app.getBean(IdentityService.class).checkPassword("superbruger1", "demo")).isFalse();

        String breakGlass = basic(BREAK_GLASS, BREAK_GLASS_PASSWORD);
        assertThat(call(breakGlass, "GET", "/actuator/info", null).statusCode()).isEqualTo(200);
        assertThat(call(breakGlass, "GET", ENGINE_REST + "/task", null).statusCode()).isEqualTo(200);
        // and into the webapps through the portal's password form
        HttpClient browser = browser();
        HttpResponse<String> loginPage = get(browser, "/portal/login");
        assertThat(loginPage.body()).contains("Log ind med kommunens login").contains("Nødadgang for administratoren");
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create(APP + "/portal/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", BREAK_GLASS, "password", BREAK_GLASS_PASSWORD,
                        "_csrf", csrf.group(1))))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get(browser, "/camunda/app/admin/" + SingleSignOnApp.ENGINE + "/").statusCode()).isEqualTo(200);
        Map<?, ?> camundaUser = JSON.readValue(get(browser, "/camunda/api/admin/auth/user/" + SingleSignOnApp.ENGINE).body(), Map.class);
        assertThat(camundaUser.get("userId")).isEqualTo(BREAK_GLASS);
        assertThat((List<String>) camundaUser.get("authorizedApps")).contains("admin");
    }

    @Test
    void loggingOutEndsTheSessionHereAndAtTheProvider() throws Exception {
        HttpClient browser = browser();
        assertThat(openThroughProvider(browser, "/portal/viden", "sso.superbruger").statusCode()).isEqualTo(200);
        // while logged in at the provider, another page needs no login
        assertThat(get(browser, "/camunda/app/tasklist/" + SingleSignOnApp.ENGINE + "/").uri().toString()).startsWith(APP + "/camunda/app/tasklist");

        // the webapps' "Log ud" (their script leads to /camunda/logout): back on our login page via the provider
        HttpResponse<String> loggedOut = get(browser, SecurityConfig.WEBAPP_LOGOUT);
        assertThat(loggedOut.uri().toString()).isEqualTo(APP + "/portal/login?logget-ud");
        assertThat(loggedOut.body()).contains("Du er logget ud");
        // both sessions are gone: the next page asks the provider, and the provider asks for the password again
        HttpResponse<String> again = get(browser, "/portal/viden");
        assertThat(again.uri().toString()).startsWith(PROVIDER + "/login");

        assertThat(get(browser(), "/camunda/app/tasklist/scripts/sso-logout.js").uri().toString())
                .as("the script is behind the login too").startsWith(PROVIDER + "/login");
    }

    @Test
    void aLogoutAtTheProviderEndsTheSessionHereByBackChannel() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpClient page = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(openThroughProvider(browser, "/portal/viden", "sso.superbruger").statusCode()).isEqualTo(200);
        assertThat(page.send(HttpRequest.newBuilder(URI.create(APP + "/portal/viden")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        // a logout token from somebody else is refused, and the session goes on
        assertThat(backChannelLogout(logoutToken("sso.superbruger", foreignKey())).statusCode()).isEqualTo(400);
        assertThat(page.send(HttpRequest.newBuilder(URI.create(APP + "/portal/viden")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        // the provider tells the application that the person logged out (there or in another application)
        assertThat(backChannelLogout(logoutToken("sso.superbruger", TestOidcProvider.encoder())).statusCode()).isEqualTo(200);
        HttpResponse<String> after = page.send(HttpRequest.newBuilder(URI.create(APP + "/portal/viden")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/" + SingleSignOn.REGISTRATION);
    }

    /** Signs as the provider would, with a key that is not the provider's (and its key id). */
    static JwtEncoder foreignKey() {
        java.security.KeyPair keys = TestOidcProvider.rsa();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey(keys.getPrivate()).keyID("test-provider").build())));
    }

    static String logoutToken(String subject, JwtEncoder encoder) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(PROVIDER).audience(List.of(TestOidcProvider.CLIENT_ID)).subject(subject)
                .issuedAt(Instant.now()).id(java.util.UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("test-provider").build(),
                claims)).getTokenValue();
    }

    static HttpResponse<String> backChannelLogout(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + SingleSignOn.BACK_CHANNEL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("logout_token", token)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String issuer, String audience, Instant issuedAt, Instant expiresAt,
            JwtEncoder encoder) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(audience)).subject("sso.support")
                .claim("preferred_username", "sso.support").claim("groups", List.of("GG-KP-Support"))
                .issuedAt(issuedAt).notBefore(issuedAt).expiresAt(expiresAt).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("test-provider").build(),
                claims)).getTokenValue();
    }

    static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(APP + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call of the webapps' API as their pages make it: the session, and Camunda's CSRF token. */
    static HttpResponse<String> webapp(HttpClient browser, String xsrf, String path, String json) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(APP + path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String cookie(HttpClient browser, String name) {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    static HttpResponse<String> call(String authorization, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP + path)).header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
