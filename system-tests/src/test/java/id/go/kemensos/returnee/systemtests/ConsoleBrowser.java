package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium from Debian's packages (/usr/bin/chromium, driven by /usr/bin/chromedriver; never a downloaded
 * browser or driver: a missing one fails the test with what to install) showing the console to one officer. Each page
 * checked is screenshotted to console/target/screenshots and run through axe-core's WCAG 2.1 A/AA rules.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension LAPTOP = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final Path screenshots;
    private final Path profile;

    ConsoleBrowser() {
        assertThat(CHROMIUM)
                .as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
        try {
            profile = Files.createTempDirectory("console-browser");
            screenshots = Files.createDirectories(PlatformHome.locate().root().resolve("console/target/screenshots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--window-size=1366,768",
                        "--lang=id-ID");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(LAPTOP);
    }

    /** Signs in at the identity provider's own login page, as the officer would. */
    ConsoleBrowser signIn(String username) {
        open("/");
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(username + "-local");
        driver.findElement(By.id("kc-login")).click();
        waitFor(By.id("main"));
        assertThat(driver.getCurrentUrl()).startsWith(PlatformService.CONSOLE.baseUrl());
        return this;
    }

    ConsoleBrowser open(String path) {
        driver.get(PlatformService.CONSOLE.baseUrl() + path);
        return this;
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    WebElement waitFor(By what, Duration atMost) {
        return new WebDriverWait(driver, atMost).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    /**
     * Clicks a button that brings a new answer in place of one already shown, and waits until the old one is gone, so
     * that what is read next is the new answer, not the page as it was before the click.
     */
    WebElement clickForNew(By button, By answer) {
        List<WebElement> before = driver.findElements(answer);
        driver.findElement(button).click();
        if (!before.isEmpty()) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        return waitFor(answer);
    }

    WebElement find(By what) {
        return driver.findElement(what);
    }

    List<WebElement> findAll(By what) {
        return driver.findElements(what);
    }

    String heading() {
        return waitFor(By.tagName("h1")).getText();
    }

    String currentPath() {
        return driver.getCurrentUrl()
                .substring(PlatformService.CONSOLE.baseUrl().length());
    }

    /** What the browser gets for a URL of the console in this officer's session (a download, read as text). */
    String fetchText(String path) {
        Object text = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => "
                        + "done(r.status + '\\n' + t)))"
                        + ".catch(e => done('ERROR ' + e));",
                path);
        return String.valueOf(text);
    }

    /**
     * A form POST from this page with its CSRF token, as a crafted request would send it (for showing that the service,
     * not only the missing button, refuses): the status and the body.
     */
    String postForm(String path, String formBody) {
        Object text = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const header = document.querySelector('meta[name=csrf-header]').content;"
                        + "const token = document.querySelector('meta[name=csrf-token]').content;"
                        + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', redirect: 'manual',"
                        + " headers: {[header]: token, 'Content-Type': 'application/x-www-form-urlencoded'}, body: "
                        + "arguments[1]})"
                        + ".then(r => r.text().then(t => done(r.status + '\\n' + t))).catch(e => done('ERROR ' + e));",
                path,
                formBody);
        return String.valueOf(text);
    }

    /** Fetches a link of the page as the signed-in browser does: "status content-type size" (a download's headers). */
    String fetchHead(String path) {
        Object text = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')"
                        + " + ' ' + b.byteLength))).catch(e => done('ERROR ' + e));",
                path);
        return String.valueOf(text);
    }

    /**
     * Saves the page as it looks now, at the laptop size and on a phone, and fails on serious accessibility violations.
     */
    ConsoleBrowser check(String page) {
        screenshot(page);
        driver.manage().window().setSize(PHONE);
        screenshot(page + "-phone");
        Object overflow = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        driver.manage().window().setSize(LAPTOP);
        assertThat(overflow)
                .as(page + " fits a 390-wide phone screen without sideways scrolling")
                .isEqualTo(false);
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious)
                .as(page + ": "
                        + serious.stream()
                                .map(rule -> rule.getId() + " (" + rule.getHelp() + ") at "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
        return this;
    }

    /** The whole page, as tall as it is (up to 4,000 pixels), at the window's current width. */
    void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return Math.min(4000, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int)
                Math.max(window.getHeight(), height + 100)));
        try {
            Files.write(
                    screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
