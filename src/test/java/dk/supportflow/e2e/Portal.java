package dk.supportflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** One person's browser on the portal (/portal): login, pages, the axe-core check, keyboard use. */
final class Portal implements AutoCloseable {

    /** The WCAG 2.1 A and AA rules of axe-core. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final Tasklist browser;
    private final String baseUrl;

    Portal(String baseUrl, String user) {
        this.baseUrl = baseUrl;
        this.browser = new Tasklist(baseUrl, user);
    }

    Portal login() {
        browser.driver.get(baseUrl + "/portal/login");
        browser.visible(By.id("username")).sendKeys(browser.user);
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.visible(By.cssSelector("nav[aria-label=Hovedmenu]"));
        return this;
    }

    void open(String path) {
        browser.driver.get(baseUrl + path);
        browser.visible(By.tagName("h1"));
    }

    String heading() {
        return browser.driver.findElement(By.tagName("h1")).getText();
    }

    WebElement visible(By by) {
        return browser.visible(by);
    }

    void waitFor(By by, String text) {
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Every WCAG 2.1 A/AA rule of axe-core passes on the page as it is now. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver);
        assertThat(results.getViolations()).as("axe-core violations on %s: %s", page, describe(results.getViolations()))
                .isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(v -> v.getId() + " (" + v.getHelp() + "): " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** Presses Tab until the element with this id has the focus (the keyboard's way to a field). */
    WebElement tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            WebElement active = browser.driver.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return active;
            }
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Types into the focused element, as a keyboard does. */
    void type(String text) {
        new Actions(browser.driver).sendKeys(text).perform();
    }

    void press(Keys key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    void screenshot(String name) {
        browser.screenshot(name);
    }

    @Override
    public void close() {
        browser.close();
    }
}
