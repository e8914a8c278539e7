package org.casework.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium, with the few moves the journeys need. */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final boolean keepProfile;
    private final String base;

    Browser(int port) {
        this(port, newProfile(), false);
    }

    /**
     * A browser on a given user-data dir, kept when it closes: a second browser on the same dir is
     * the same phone reopened (its service worker, caches and IndexedDB are still there).
     */
    Browser(int port, Path profile) {
        this(port, profile, true);
    }

    static Path newProfile() {
        try {
            return Files.createTempDirectory("casework-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Browser(int port, Path profile, boolean keepProfile) {
        this.profile = profile;
        this.keepProfile = keepProfile;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile,
                // a browser in Henan asks for Chinese; Chrome's default would ask for en-US
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // irreversible actions ask with confirm(): journeys that do not look at the question answer 确定
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Logs in through the login form, starting from a clean session. */
    void login(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        find(By.name("username")).sendKeys(username);
        find(By.name("password")).sendKeys(org.casework.it.Api.PASSWORD);
        find(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waitFor(By.cssSelector("form.logout"));
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void type(String name, String value) {
        WebElement field = waitFor(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /** Sets a field by script: date inputs and selects inside closed sections are not typeable. */
    void set(String name, String value) {
        WebElement field = waitFor(By.name(name));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, value);
    }

    String bodyText() {
        return find(By.tagName("body")).getText();
    }

    /** Renders like a 375px-wide phone (Chrome will not shrink a real window that far). */
    void phoneWidth() {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 800, "deviceScaleFactor", 2, "mobile", true));
    }

    long horizontalOverflow() {
        Object width = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        return ((Number) width).longValue();
    }

    void screenshot(String name) {
        try {
            Files.write(Path.of("/tmp", name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        if (keepProfile) {
            return;
        }
        deleteProfile(profile);
    }

    static void deleteProfile(Path profile) {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
