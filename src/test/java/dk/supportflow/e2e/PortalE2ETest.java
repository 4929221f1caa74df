package dk.supportflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.knowledge.KnowledgeArticleRepository;
import dk.supportflow.knowledge.KnowledgeEntries;
import dk.supportflow.portal.report.Deflections;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17: the portal in headless Chromium through the real server. Each page passes axe-core's
 * WCAG 2.1 A/AA rules; a report is filed with the keyboard alone; screenshots of every page.
 */
@SupportflowTest
class PortalE2ETest {

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeEntries knowledge;
    @Autowired
    KnowledgeArticleRepository articles;
    @Autowired
    Deflections deflections;
    @Autowired
    SupportCaseService cases;
    @Autowired
    CaseScenario scenario;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aSuperbrugerIsAnsweredWhileTypingThenReportsFollowsAndAddsToTheirCase() throws IOException {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        knowledge.registerKnownError("Brevet om personligt tillæg mangler modtagerens adresse " + marker, "Personligt tillæg",
                "Indsæt adressen i brevet i hånden, indtil rettelsen er udrullet.", null, "drift1");
        String othersCase = cases.openCase(CaseScenario.report("Superbruger 2's egen sag " + marker), "superbruger2").caseNumber();
        LocalDate today = LocalDate.now();
        long solvedBefore = deflections.figures(today.minusDays(1), today.plusDays(1)).solvedBySuggestion();

        try (Portal sofie = new Portal(base(), "superbruger1").login()) {
            // a known error appears while the title is typed, and solves the problem: no case, counted
            sofie.open("/portal/indrapporter");
            sofie.visible(By.id("title")).sendKeys("Adressen mangler i brevet om personligt tillæg " + marker);
            sofie.waitFor(By.id("forslag"), "Kendt fejl fra driftssiden");
            assertThat(sofie.visible(By.id("forslag")).getText()).contains("Indsæt adressen i brevet i hånden");
            sofie.assertAccessible("indrapporter med forslag");
            sofie.screenshot("portal-indrapporter");
            sofie.browser.driver.findElement(By.cssSelector("#forslag .suggestion.known-error button")).click();
            sofie.waitFor(By.tagName("h1"), "Godt, at du fandt svaret");
            sofie.assertAccessible("løst af forslag");
            assertThat(deflections.figures(today.minusDays(1), today.plusDays(1)).solvedBySuggestion())
                    .isEqualTo(solvedBefore + 1);

            // another report, filed with the keyboard alone; a missing answer is shown next to its field
            sofie.open("/portal/indrapporter");
            sofie.press(Keys.TAB);
            assertThat(sofie.browser.driver.switchTo().activeElement().getText()).isEqualTo("Gå til indholdet");
            sofie.tabTo("title");
            sofie.type("Opgaven Beregn tillæg afsluttes ikke " + marker);
            sofie.tabTo("workingOn");
            sofie.type("Personligt tillæg til en pensionist");
            sofie.tabTo("stepsTaken");
            sofie.type("Åbnede sagen, valgte Beregn tillæg og godkendte");
            sofie.tabTo("expected");
            sofie.type("At opgaven blev afsluttet");
            sofie.tabTo("cpr");
            sofie.type("150372-4711");
            sofie.tabTo("report-submit").sendKeys(Keys.ENTER);
            sofie.waitFor(By.id("fejl"), "Skriv, hvad der skete i stedet.");
            assertThat(sofie.visible(By.id("actual-error")).getText()).contains("Skriv, hvad der skete i stedet.");
            assertThat(sofie.visible(By.id("title")).getAttribute("value")).isEqualTo("Opgaven Beregn tillæg afsluttes ikke " + marker);
            assertThat(sofie.visible(By.id("cpr")).getAttribute("value")).isEqualTo("150372-4711");
            sofie.assertAccessible("indrapporter med fejl");
            sofie.screenshot("portal-indrapporter-fejl");
            sofie.tabTo("actual");
            sofie.type("Opgaven står stadig som åben");
            sofie.tabTo("report-submit").sendKeys(Keys.ENTER);
            sofie.waitFor(By.cssSelector("main"), "Tak – sagen er oprettet.");
            String caseNumber = sofie.browser.driver.getCurrentUrl()
                    .substring(sofie.browser.driver.getCurrentUrl().lastIndexOf('/') + 1);
            assertThat(sofie.visible(By.cssSelector("main")).getText()).contains("150372-xxxx")
                    .doesNotContain("150372-4711");

            // a screenshot and more information on the case
            Path png = screenshotFile();
            sofie.visible(By.id("file")).sendKeys(png.toAbsolutePath().toString());
            sofie.browser.driver.findElement(By.cssSelector("#bilag button[type=submit]")).click();
            sofie.waitFor(By.cssSelector("main"), "er vedhæftet sagen");
            assertThat(sofie.visible(By.id("bilag")).getText()).contains(png.getFileName().toString());
            sofie.visible(By.id("source")).sendKeys("Kollega");
            sofie.browser.driver.findElement(By.id("text")).sendKeys("Det sker også på en anden sag " + marker);
            sofie.browser.driver.findElement(By.cssSelector("#information button[type=submit]")).click();
            sofie.waitFor(By.cssSelector("main"), "Informationen er sendt til sagen.");
            sofie.assertAccessible("sagen");
            sofie.screenshot("portal-sag");

            // only their own cases
            sofie.open("/portal/sager?tekst=" + marker);
            String list = sofie.visible(By.cssSelector("main")).getText();
            assertThat(list).contains(caseNumber).doesNotContain(othersCase);
            sofie.assertAccessible("mine sager");
            sofie.screenshot("portal-mine-sager");

            sofie.open("/portal/sager/" + othersCase);
            assertThat(sofie.heading()).isEqualTo("Ingen adgang");
        }
    }

    @Test
    void aSupportberettigetFiltersOpensCopiesTheDraftAndWritesAnArticleFromASolvedCase() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String open = cases.openCase(CaseScenario.report("Udbetalingen stoppes ved fejl " + marker), "superbruger1").caseNumber();
        String solved = scenario.solveAndClose("Brevet sendes ikke til e-Boks " + marker, "Breve", "userError",
                "Vælg forsendelse via Digital Post under Brevindstillinger, så sendes brevet.");
        long articlesBefore = articles.findByCaseNumber(solved).size();

        try (Portal sanne = new Portal(base(), "support1").login()) {
            sanne.open("/portal/sager");
            sanne.visible(By.id("tekst")).sendKeys(marker);
            sanne.browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            sanne.waitFor(By.cssSelector("main [role=status]"), "1 sag");
            sanne.assertAccessible("sager");
            sanne.screenshot("portal-sager");
            sanne.browser.driver.findElement(By.linkText(open)).click();
            sanne.waitFor(By.tagName("h1"), "Udbetalingen stoppes ved fejl");
            sanne.visible(By.id("draft-title"));
            sanne.browser.driver.findElement(By.cssSelector("[data-copy='draft-title']")).click();
            sanne.waitFor(By.id("draft-title-copied"), "Kopieret");
            sanne.assertAccessible("sagen med udkast");
            sanne.screenshot("portal-sag-udkast");

            // two clicks: from the solved case to a saved article
            sanne.open("/portal/sager/" + solved);
            sanne.browser.driver.findElement(By.linkText("Skriv en artikel ud fra sagen")).click();
            sanne.waitFor(By.tagName("h1"), "Skriv en vejledning");
            sanne.assertAccessible("ny vejledning");
            sanne.browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            sanne.waitFor(By.cssSelector("main"), "er gemt og kan findes med det samme");
            assertThat(articles.findByCaseNumber(solved)).hasSize((int) articlesBefore + 1);
            assertThat(sanne.visible(By.cssSelector("main")).getText()).contains("Digital Post");
            sanne.assertAccessible("viden");
            sanne.screenshot("portal-viden");

            for (String page : new String[] {"/portal/driftsside", "/portal/minsupport", "/portal/overblik",
                    "/portal/viden/kendte-fejl"}) {
                sanne.open(page);
                sanne.assertAccessible(page);
                sanne.screenshot("portal" + page.replace("/portal", "").replace('/', '-'));
            }
        }
        try (Portal soeren = new Portal(base(), "superbruger2").login()) {
            soeren.open("/portal/sager/" + open);
            assertThat(soeren.heading()).isEqualTo("Ingen adgang");
        }
    }

    @Test
    void theLoginPageIsDanishAndAccessible() {
        try (Portal nobody = new Portal(base(), "superbruger1")) {
            nobody.open("/portal/sager");
            assertThat(nobody.heading()).isEqualTo("Log ind");
            assertThat(nobody.browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            nobody.assertAccessible("login");
            nobody.visible(By.id("username")).sendKeys("superbruger1");
            nobody.browser.driver.findElement(By.id("password")).sendKeys("forkert");
            nobody.browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            nobody.waitFor(By.id("fejl"), "Du blev ikke logget ind");
            nobody.assertAccessible("login med fejl");
            nobody.screenshot("portal-login");
        }
    }

    private static Path screenshotFile() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        Path file = Files.createTempDirectory("portal-e2e").resolve("skaermbillede.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
