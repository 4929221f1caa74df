package dk.supportflow.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One person's browser on Camunda 7.24 Tasklist with Camunda Forms (form-js): Debian's headless
 * Chromium through /usr/bin/chromedriver, a fresh profile, no downloads (Selenium Manager is
 * never asked, as both the driver and the browser are given).
 */
final class Tasklist implements AutoCloseable {

    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots"));
    static final int WIDTH = 1600;
    static final int HEIGHT = 1200;
    private static final AtomicInteger SHOT_NUMBER = new AtomicInteger();

    final String user;
    final WebDriver driver;
    private final String baseUrl;
    private final Path profile;
    final WebDriverWait wait;

    Tasklist(String baseUrl, String user) {
        this.baseUrl = baseUrl;
        this.user = user;
        try {
            profile = Files.createTempDirectory("supportflow-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=da-DK", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    // ---- login and navigation ----

    void login(String password) {
        driver.get(baseUrl + "/camunda/app/tasklist/");
        visible(By.cssSelector("input[ng-model=\"username\"]")).sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=\"password\"]")).sendKeys(password);
        driver.findElement(By.cssSelector("form[name=\"signinForm\"] button[type=\"submit\"]")).click();
        visible(By.linkText("Start proces"));
        visible(By.cssSelector(".task-filter"));
        waitIdle();
    }

    void open(String path) {
        driver.get(baseUrl + path);
        waitIdle();
    }

    /** Until no Tasklist "Loading…" spinner is visible. */
    void waitIdle() {
        wait.until(d -> !(Boolean) js("return [...document.querySelectorAll('.loader')]"
                + ".some(l => l.offsetParent !== null)"));
    }

    List<String> filterNames() {
        return driver.findElements(By.cssSelector(".task-filter")).stream().map(WebElement::getText).toList();
    }

    void openFilter(String name) {
        wait.until(d -> d.findElements(By.cssSelector(".task-filter")).stream()
                .filter(f -> f.getText().contains(name)).findFirst().orElse(null)).click();
        waitIdle();
    }

    String taskListText() {
        return visible(By.cssSelector("[cam-tasks]")).getText();
    }

    /**
     * Opens the task with that name for the case with that text from the filter, reloading the
     * list while it is not there yet (tasks made by jobs appear only when the list is reloaded).
     */
    WebElement openTask(String filter, String taskName, String caseText) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2))
                .ignoring(StaleElementReferenceException.class).until(d -> {
                    openFilter(filter);
                    WebElement task = new WebDriverWait(d, Duration.ofSeconds(5))
                            .ignoring(StaleElementReferenceException.class)
                            .until(x -> x.findElements(By.cssSelector("[cam-tasks] li.task")).stream()
                                    .filter(li -> li.getText().contains(taskName) && li.getText().contains(caseText))
                                    .findFirst().orElse(null));
                    task.click();
                    return true;
                });
        waitIdle();
        visible(By.cssSelector(".task-details .fjs-container"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), taskName));
        return form();
    }

    WebElement form() {
        return visible(By.cssSelector(".task-details .fjs-container"));
    }

    void claim() {
        press(visible(By.cssSelector(CLAIM)));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(CLAIM)));
        waitIdle();
    }

    /** Claims the open task unless it already is the person's (a task they took earlier), and returns its form. */
    WebElement claimIfOffered(WebElement form) {
        if (driver.findElements(By.cssSelector(CLAIM)).isEmpty()) {
            return form;
        }
        claim();
        return form();
    }

    private static final String CLAIM = ".task-details button.claim";

    WebElement completeButton() {
        return visible(By.cssSelector(".task-details button.btn-primary[ng-click=\"complete()\"]"));
    }

    /** Clicks Complete and waits until the form is gone (the task is completed). */
    void complete() {
        WebElement form = form();
        press(completeButton());
        wait.until(ExpectedConditions.stalenessOf(form));
        waitIdle();
    }

    /** Clicks Complete and waits for an error notification; the form stays. */
    String completeRefused() {
        press(completeButton());
        return wait.until(d -> {
            String text = notifications();
            return text.contains("Opgaven kan ikke afsluttes") ? text : null;
        });
    }

    // ---- the start dialog ----

    WebElement startProcess(String processName) {
        visible(By.linkText("Start proces")).click();
        WebElement modal = visible(By.cssSelector(".modal"));
        wait.until(d -> modal.findElements(By.xpath(".//*[normalize-space(text())='" + processName + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        wait.until(d -> field(modal, "Field_title").isDisplayed());
        return modal;
    }

    void submitStart(WebElement modal) {
        modal.findElement(By.xpath(".//button[normalize-space()='Start']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
        waitIdle();
    }

    // ---- form-js fields (ids are fjs-form-<random>-<componentId>) ----

    WebElement field(SearchContext scope, String componentId) {
        return scope.findElement(By.cssSelector("[id$=\"-" + componentId + "\"]"));
    }

    /** Replaces the field's text by typing, as a person would (select all, type). */
    void type(WebElement field, String text) {
        click(field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    /** The radio button or checkbox whose label starts with the text. */
    WebElement option(SearchContext scope, String componentId, String labelStart) {
        return scope.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
                .filter(l -> l.getText().strip().startsWith(labelStart))
                .map(l -> l.findElements(By.cssSelector("input[id*=\"-" + componentId + "\"]")))
                .filter(inputs -> !inputs.isEmpty()).map(inputs -> inputs.get(0))
                .findFirst().orElseThrow(() -> new AssertionError("no option '" + labelStart + "' in " + componentId));
    }

    void choose(SearchContext scope, String componentId, String labelStart) {
        WebElement input = option(scope, componentId, labelStart);
        if (!input.isSelected()) {
            click(input);
        }
    }

    /** Clicks the element in the middle of its scrolling pane (Tasklist's footer covers the bottom). */
    void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    /** A button pressed with the keyboard (Enter), which also works where Tasklist's footer covers it. */
    void press(WebElement button) {
        scrollTo(button).sendKeys(Keys.ENTER);
    }

    WebElement scrollTo(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    List<String> fieldErrors(SearchContext scope) {
        return scope.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText)
                .filter(t -> !t.isBlank()).toList();
    }

    String notifications() {
        return String.join("\n", driver.findElements(By.cssSelector(".notifications")).stream()
                .map(WebElement::getText).toList());
    }

    void closeNotifications() {
        for (WebElement close : driver.findElements(By.cssSelector(".page-notifications button.close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        wait.until(d -> notifications().isBlank());
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    // ---- screenshots ----

    /**
     * A screenshot of everything: Tasklist scrolls inside its panes and the start dialog, so the
     * window first grows to the tallest scrolling content.
     */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(String.format("%02d-%s-%s.png", SHOT_NUMBER.incrementAndGet(), user, name));
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) js("let m = document.documentElement.scrollHeight;"
                    + "for (const el of document.querySelectorAll('*')) {"
                    + "  if (el.scrollHeight > el.clientHeight + 5) m = Math.max(m, el.scrollHeight + 400); }"
                    + "return m;")).longValue();
            driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height, HEIGHT), 6000)));
            ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));");
            File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        } catch (IOException | RuntimeException e) {
            System.err.println("Screenshot " + file + " failed: " + e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
