package dk.supportflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dk.supportflow.CaseScenario;
import dk.supportflow.platform.SingleSignOnApp;
import dk.supportflow.process.SupportCaseProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Single sign-on in a real browser: headless Chromium goes to Tasklist, is sent to the
 * municipality's login page (the test's OpenID Connect provider), comes back logged in, completes
 * the analysis of a case, opens the portal in the same session without a second login, and logs out
 * from Tasklist's own menu, which ends the provider's session too. The application and the
 * provider run in contexts of their own (tag "nodes": a JVM of its own).
 */
@Tag("nodes")
class SingleSignOnE2ETest {

    static final String TITLE = "Varmetillæg stopper efter flytning til plejebolig";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SingleSignOnApp.SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    static SingleSignOnApp running;

    @BeforeAll
    static void start() {
        running = SingleSignOnApp.start();
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aSupportberettigetLogsInOnceAtTheMunicipalitysLoginWorksInTasklistAndThePortalAndLogsOutOfBoth() throws Exception {
        Map<?, ?> reported = reportAsSuperbruger();
        String caseNumber = (String) reported.get("caseNumber");
        // the job that makes the analysis task, as the job executor would
        running.app.getBean(CaseScenario.class).prepareAnalysis((String) reported.get("processInstanceId"));

        try (Portal portal = new Portal(SingleSignOnApp.APP, "sso.support")) {
            Tasklist t = portal.browser;
            t.driver.get(SingleSignOnApp.APP + "/camunda/app/tasklist/" + SingleSignOnApp.ENGINE + "/");
            // the provider's page, not Tasklist's password form
            assertThat(t.driver.getCurrentUrl()).startsWith(SingleSignOnApp.PROVIDER + "/login");
            t.visible(By.id("username")).sendKeys("sso.support");
            t.driver.findElement(By.id("password")).sendKeys("demo");
            t.screenshot("sso-provider-login");
            t.driver.findElement(By.cssSelector("button[type=submit]")).click();
            t.visible(By.linkText("Start proces"));
            t.visible(By.cssSelector(".task-filter"));
            t.waitIdle();
            t.screenshot("sso-tasklist");

            WebElement form = t.openTask("Supportsager", "Analysér fejlen", TITLE);
            t.claim();
            form = t.form();
            t.choose(form, "Field_errorClass", "Brugerfejl");
            t.choose(form, "Field_outcome", "Løst lokalt");
            t.type(t.field(form, "Field_answer"), "Registrér flytningen med virkning fra indflytningsdagen.");
            t.complete();
            HistoricTaskInstance analysis = running.app.getBean(HistoryService.class).createHistoricTaskInstanceQuery()
                    .taskDefinitionKey(SupportCaseProcess.Tasks.ANALYSE_ERROR).taskAssignee("sso.support").singleResult();
            assertThat(analysis.getEndTime()).as("completed by the person the provider logged in").isNotNull();

            // the portal in the same session: no second login
            portal.open("/portal/sager");
            assertThat(t.driver.getCurrentUrl()).startsWith(SingleSignOnApp.APP + "/portal/sager");
            assertThat(t.driver.getPageSource()).contains("Sune Support").contains(caseNumber);
            portal.assertAccessible("sager efter fælles login");

            // Tasklist's own "Log ud" ends both sessions
            t.open("/camunda/app/tasklist/" + SingleSignOnApp.ENGINE + "/");
            t.wait.until(d -> String.valueOf(t.js("const a = document.querySelector('li.account li.logout a');"
                    + " return a && a.getAttribute('href');")).endsWith("/camunda/logout"));
            t.js("document.querySelector('li.account li.logout a').click();");
            t.wait.until(d -> d.getCurrentUrl().endsWith("/portal/login?logget-ud"));
            assertThat(t.visible(By.cssSelector("[role=status]")).getText()).contains("Du er logget ud");
            t.screenshot("sso-logged-out");
            portal.assertAccessible("login med fælles login");
            t.driver.get(SingleSignOnApp.APP + "/portal/sager");
            t.wait.until(d -> d.getCurrentUrl().startsWith(SingleSignOnApp.PROVIDER + "/login"));
            assertThat(t.visible(By.id("username")).isDisplayed()).as("the provider asks for the password again").isTrue();
        }
    }

    /** A superbruger reports through the API with the provider's access token. */
    private static Map<?, ?> reportAsSuperbruger() throws Exception {
        String token = SingleSignOnApp.accessToken("sso.superbruger");
        HttpResponse<String> filed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SingleSignOnApp.APP + "/api/cases"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "%s", "workingOn": "Varmetillæg",
                         "stepsTaken": "Registrerede flytningen", "expected": "Udbetaling", "actual": "Ingen udbetaling",
                         "component": "Varmetillæg"}""".formatted(TITLE))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return SingleSignOnApp.JSON.readValue(filed.body(), Map.class);
    }
}
