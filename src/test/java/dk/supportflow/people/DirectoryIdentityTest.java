package dk.supportflow.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowApplication;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.notification.MailDispatcher;
import dk.supportflow.portal.PortalSession;
import dk.supportflow.process.SupportCaseProcess;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code supportflow.identity.mode=ldap} against an in-memory directory shaped like a
 * municipality's Active Directory (directory/kommune.ldif): its people log in with its passwords
 * on every path, its groups hold the roles under the municipality's own names, mails go to its
 * addresses, and a person taken out of a group loses the role at once. The application runs in a
 * context of its own (tag "nodes").
 */
@Tag("nodes")
class DirectoryIdentityTest {

    static final String BASE = "dc=kommune,dc=example";
    static final String SUPERBRUGERE = "cn=GG-KP-Superbrugere,ou=Grupper," + BASE;
    static final int SMTP_PORT = TestSmtpServer.freePort();
    /** Camunda's engine registry is per JVM: the engine of this context has a name of its own. */
    static final String ENGINE_REST = "/engine-rest/engine/directory";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    static InMemoryDirectoryServer directory;
    static ConfigurableApplicationContext app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        directory = startDirectory();
        app = new SpringApplicationBuilder(SupportflowApplication.class).run(arguments(directory.getListenPort(), "service-secret"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (directory != null) {
            directory.shutDown(true);
        }
    }

    static InMemoryDirectoryServer startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        // a fixed port: the outage test starts the directory again where the application looks for it
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                TestSmtpServer.freePort(), null));
        // AD's attributes (sAMAccountName, objectClass group) are not in the standard schema
        config.setSchema(null);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, DirectoryIdentityTest.class.getResource("/directory/kommune.ldif").getPath());
        server.startListening();
        return server;
    }

    static String[] arguments(int ldapPort, String managerPassword) {
        return List.of(
                "camunda.bpm.process-engine-name=directory",
                "camunda.bpm.job-execution.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:directory-" + managerPassword + ";DB_CLOSE_DELAY=-1",
                "server.port=0",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + SMTP_PORT,
                "supportflow.mail.dispatch-interval=PT1H",
                "supportflow.knowledge.index-dir=in-memory",
                "supportflow.privacy.retention-cron=-",
                "supportflow.identity.mode=ldap",
                "supportflow.identity.ldap.server-url=ldap://127.0.0.1:" + ldapPort,
                "supportflow.identity.ldap.manager-dn=cn=Supportflow Service,ou=Brugere," + BASE,
                "supportflow.identity.ldap.manager-password=" + managerPassword,
                "supportflow.identity.ldap.base-dn=" + BASE,
                "supportflow.identity.ldap.user-search-base=ou=Brugere",
                "supportflow.identity.ldap.group-search-base=ou=Grupper",
                "supportflow.identity.ldap.groups.superbrugere=GG-KP-Superbrugere",
                "supportflow.identity.ldap.groups.supportberettigede=GG-KP-Support",
                "supportflow.identity.ldap.groups.camunda-admin=GG-Supportflow-Admin")
                .stream().map(property -> "--" + property).toArray(String[]::new);
    }

    @Test
    void directoryPeopleWorkACaseUnderTheirRolesAndAreMailedAtTheirDirectoryAddresses() throws Exception {
        IdentityService identity = app.getBean(IdentityService.class);
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(identity.createGroupQuery().groupMember("jje").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Groups.SUPERBRUGERE, "GG-Kantine");
        assertThat(identity.createUserQuery().memberOfGroup(Groups.SUPPORTBERETTIGEDE).list()).extracting(User::getId)
                .containsExactly("nni");
        // the demo people are not created beside the directory's
        assertThat(identity.createUserQuery().userId("superbruger1").count()).isZero();
        PeopleDirectory people = app.getBean(PeopleDirectory.class);
        assertThat(people.displayName("nni")).isEqualTo("Nina Nielsen");
        assertThat(people.phoneOf("nni")).contains("+45 70 44 55 66");
        assertThat(people.emailsOfGroup(Groups.SUPERBRUGERE))
                .containsExactlyInAnyOrder("jens.jensen@kommune.example", "hanne.hansen@kommune.example");
        assertThat(people.emailsOfGroup(Groups.SUPPORTBERETTIGEDE)).containsExactly("nina.nielsen@kommune.example");

        // a superbruger files a case with the directory's password, through the API
        HttpResponse<String> filed = call("jje", "demo", "POST", "/api/cases", """
                {"title": "Helbredstillæg beregnes ikke efter ny indtægt", "workingOn": "Helbredstillæg",
                 "stepsTaken": "Rettede indtægten og genberegnede", "expected": "Nyt tillæg", "actual": "Uændret tillæg",
                 "component": "Helbredstillæg"}""");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseNumber = field(filed.body(), "caseNumber");
        String processInstanceId = field(filed.body(), "processInstanceId");
        assertThat(call("jje", "forkert", "GET", "/api/cases/" + caseNumber, null).statusCode()).isEqualTo(401);
        // and sees it in the portal; the other superbruger does not
        PortalSession jens = PortalSession.login(url(""), "jje");
        assertThat(jens.get("/portal/sager").body()).contains(caseNumber);
        assertThat(PortalSession.login(url(""), "hha").get("/portal/sager/" + caseNumber).statusCode()).isEqualTo(403);

        // the supportberettiget works it in Tasklist's API: her filters are there, the task is hers to complete
        assertThat(call("nni", "demo", "GET", ENGINE_REST + "/filter?resourceType=Task", null).body())
                .contains("Supportsager").contains(AccessSetup.MY_TASKS_FILTER);
        CaseScenario scenario = app.getBean(CaseScenario.class);
        String taskId = scenario.task(processInstanceId, SupportCaseProcess.Tasks.ANALYSE_ERROR).getId();
        assertThat(call("nni", "demo", "POST", ENGINE_REST + "/task/" + taskId + "/claim", "{\"userId\": \"nni\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> completed = call("nni", "demo", "POST", ENGINE_REST + "/task/" + taskId + "/complete", """
                {"variables": {"outcome": {"value": "solvedLocally"}, "errorClass": {"value": "userError"},
                 "answer": {"value": "Genberegn med den nye indtægt fra eIndkomst."}}}""");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        // a superbruger has no part in it
        assertThat(call("hha", "demo", "GET", ENGINE_REST + "/task/" + taskId, null).statusCode()).isIn(403, 404);

        scenario.executeJob(processInstanceId, SupportCaseProcess.Elements.TASK_MAIL_ANSWER);
        app.getBean(MailDispatcher.class).dispatchPending();
        List<String> recipients = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().contains(caseNumber)) {
                Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).forEach(to -> recipients.add(to.toString()));
            }
        }
        assertThat(recipients).contains("jens.jensen@kommune.example")
                .noneMatch(to -> to.contains("superbruger1") || to.contains("support1"));
    }

    @Test
    void aPersonTakenOutOfTheDirectoryGroupLosesTheRoleAtOnce() throws Exception {
        assertThat(call("hha", "demo", "GET", "/api/knowledge?q=pension", null).statusCode()).isEqualTo(200);
        assertThat(call("hha", "demo", "POST", "/api/cases", "{}").statusCode()).isEqualTo(400);

        directory.modify(SUPERBRUGERE, new Modification(ModificationType.DELETE, "member", "cn=Hanne Hansen,ou=Brugere," + BASE));
        try {
            assertThat(call("hha", "demo", "GET", "/api/knowledge?q=pension", null).statusCode()).isEqualTo(403);
            assertThat(call("hha", "demo", "POST", "/api/cases", "{}").statusCode()).isEqualTo(403);
            assertThat(app.getBean(IdentityService.class).createGroupQuery().groupMember("hha").count()).isZero();
        } finally {
            directory.modify(SUPERBRUGERE, new Modification(ModificationType.ADD, "member", "cn=Hanne Hansen,ou=Brugere," + BASE));
        }
    }

    @Test
    void whileTheDirectoryDoesNotAnswerPeopleAreToldSoInDanishNotThatTheirPasswordIsWrong() throws Exception {
        directory.shutDown(true);
        try {
            HttpResponse<String> api = call("jje", "demo", "GET", "/api/knowledge?q=pension", null);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("Kommunens brugerkatalog svarer ikke lige nu");
            PortalSession portal = new PortalSession(url(""));
            portal.get("/portal/login");
            HttpResponse<String> login = portal.post("/portal/login", Map.of("username", "jje", "password", "demo"));
            assertThat(login.uri().toString()).endsWith("/portal/login?katalog");
            assertThat(login.body()).contains("Kommunens brugerkatalog svarer ikke lige nu");
        } finally {
            directory.startListening();
        }
        assertThat(call("jje", "demo", "GET", "/api/knowledge?q=pension", null).statusCode()).isEqualTo(200);
    }

    @Test
    void groupQueriesCannotBeWidenedWithFilterCharacters() {
        IdentityService identity = app.getBean(IdentityService.class);
        assertThat(identity.createGroupQuery().groupId("*").list()).isEmpty();
        assertThat(identity.createGroupQuery().groupId("GG-KP-Support)(cn=*").list()).isEmpty();
        assertThat(identity.createGroupQuery().groupId(Groups.SUPPORTBERETTIGEDE).singleResult().getName()).isEqualTo("GG-KP-Support");
    }

    @Test
    void aDirectoryThatRefusesTheServiceAccountStopsTheStartSayingWhatToCheck() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SupportflowApplication.class)
                .run(withEngine(arguments(directory.getListenPort(), "wrong-secret"), "directoryRefused")).close())
                .hasStackTraceContaining("refused the manager account 'cn=Supportflow Service,ou=Brugere," + BASE + "'")
                .hasStackTraceContaining("supportflow.identity.ldap.manager-dn and manager-password");
    }

    private static String[] withEngine(String[] arguments, String engineName) {
        String[] result = Arrays.copyOf(arguments, arguments.length);
        result[0] = "--camunda.bpm.process-engine-name=" + engineName;
        return result;
    }

    static HttpResponse<String> call(String user, String password, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String url(String path) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort() + path;
    }

    @SuppressWarnings("unchecked")
    static String field(String json, String name) throws Exception {
        return String.valueOf(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class).get(name));
    }
}
