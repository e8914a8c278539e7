package org.casework.web.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A phone running the offline app at /m/: a headless Chromium on its own user-data dir, reaching
 * the server through an {@link OfflineGate}, with the moves of a village user.
 */
final class PwaPhone implements AutoCloseable {

    static final Duration SYNC_WAIT = Duration.ofSeconds(60);
    static final int WIDTH = 360;

    private final OfflineGate gate;
    private final Path profile;
    private Browser browser;

    PwaPhone(OfflineGate gate) {
        this.gate = gate;
        this.profile = Browser.newProfile();
        start();
    }

    /** Starts Chromium on this phone's user-data dir (again, after {@link #quit()}). */
    void start() {
        browser = new Browser(gate.port(), profile);
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", WIDTH, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Quits Chromium; the profile with the app's worker, caches and IndexedDB stays. */
    void quit() {
        browser.close();
    }

    Browser browser() {
        return browser;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js, args);
    }

    void open() {
        browser.open("/m/");
        browser.waitFor(By.cssSelector("body[data-ready=true]"));
    }

    void go(String hash) {
        script("location.hash = arguments[0];", hash);
    }

    void login(String username, String password) {
        WebElement user = browser.find(By.id("login-username"));
        user.clear();
        user.sendKeys(username);
        browser.find(By.id("login-password")).sendKeys(password);
        browser.find(By.id("login-submit")).click();
        new WebDriverWait(browser.driver(), SYNC_WAIT)
                .until(d -> !d.findElements(By.id("client-list")).isEmpty()
                        || !d.findElements(By.cssSelector("#login-error:not([hidden])"))
                                .isEmpty());
        if (browser.driver().findElements(By.id("client-list")).isEmpty()) {
            throw new AssertionError(
                    "login refused: " + browser.find(By.id("login-error")).getText());
        }
    }

    /** A login that must be refused: the message the screen shows. */
    String loginRefused(String username, String password) {
        WebElement user = browser.find(By.id("login-username"));
        user.clear();
        user.sendKeys(username);
        WebElement field = browser.find(By.id("login-password"));
        field.clear();
        field.sendKeys(password);
        browser.find(By.id("login-submit")).click();
        return browser.find(By.cssSelector("#login-error:not([hidden])")).getText();
    }

    /** Waits until the service worker controls the page and holds the shell, so a reload works offline. */
    void waitForOfflineShell() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        (async () => {
                          if (!navigator.serviceWorker.controller) return false;
                          const keys = await caches.keys();
                          for (const k of keys) {
                            const c = await caches.open(k);
                            if (await c.match('/m/index.html') && await c.match('/m/js/device.js')
                                && await c.match('/m/i18n/zh-CN.json')) return true;
                          }
                          return false;
                        })().then(done, () => done(false));
                        """)));
    }

    /** No signal: the gate cuts every connection, DevTools tells the page it is offline. */
    void offline() {
        gate.shut();
        emulate(true, 0, -1, -1);
    }

    void online() {
        gate.open();
        emulate(false, 0, -1, -1);
    }

    /** A slow 2G link as DevTools emulates it: kbit/s down and up, one-way latency in ms. */
    void slow2g(int downKbit, int upKbit, int latencyMs) {
        gate.open();
        emulate(false, latencyMs, downKbit * 1000 / 8, upKbit * 1000 / 8);
    }

    private void emulate(boolean offline, int latency, int down, int up) {
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        Map<String, Object> conditions = new HashMap<>();
        conditions.put("offline", offline);
        conditions.put("latency", latency);
        conditions.put("downloadThroughput", down);
        conditions.put("uploadThroughput", up);
        browser.driver().executeCdpCommand("Network.emulateNetworkConditions", conditions);
    }

    void openChild(String name) {
        go("#/home");
        WebElement search = browser.find(By.id("search"));
        search.clear();
        search.sendKeys(name);
        browser.find(By.xpath("//ul[@id='client-list']//a[.//span[@class='name' and text()='" + name + "']]"))
                .click();
        browser.waitForText(By.id("child-name"), name);
    }

    void logVisit(String notes, int minutes) {
        browser.find(By.id("go-visit")).click();
        browser.find(By.id("visit-form"));
        WebElement duration = browser.find(By.id("visit-duration"));
        duration.clear();
        duration.sendKeys(String.valueOf(minutes));
        browser.find(By.id("visit-notes")).sendKeys(notes);
        // the presence questions have no pre-ticked answer: a director answers them
        for (String answer : new String[] {"obs-child-yes", "obs-guardian-yes"}) {
            WebElement radio = browser.find(By.id(answer));
            if (!radio.isSelected()) {
                radio.click();
            }
        }
        WebElement followUp = browser.find(By.id("obs-followup"));
        if (!followUp.isSelected()) {
            followUp.click();
        }
        browser.find(By.id("visit-save")).click();
        browser.waitFor(By.id("child-name"));
    }

    void raiseFlag(String type, String description) {
        // the child card may be redrawn by a background sync at any moment
        click(By.id("go-flag-child"));
        browser.find(By.id("flag-form"));
        chooseFlagType(type);
        browser.find(By.id("flag-description")).sendKeys(description);
        browser.find(By.id("flag-save")).click();
        browser.waitFor(By.id("child-name"));
    }

    /** Taps the card of a flag type in the flag form's type picker. */
    void chooseFlagType(String type) {
        WebElement card = browser.find(By.cssSelector("label[for='flag-type-" + type + "']"));
        script("arguments[0].scrollIntoView({block: 'center'});", card);
        card.click();
    }

    /** The text of an element of a screen that a sync may redraw at any moment. */
    String textOf(By by) {
        return new WebDriverWait(browser.driver(), SYNC_WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    var found = d.findElements(by);
                    return found.isEmpty() ? null : found.get(0).getText();
                });
    }

    /**
     * Clicks an element of a screen that a sync may redraw at any moment. The element is scrolled to
     * the middle first: scrolled only into view it can sit under the fixed bottom action bar.
     */
    void click(By by) {
        new WebDriverWait(browser.driver(), SYNC_WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    var found = d.findElements(by);
                    if (found.isEmpty()) {
                        return false;
                    }
                    script("arguments[0].scrollIntoView({block: 'center'});", found.get(0));
                    found.get(0).click();
                    return true;
                });
    }

    String pending() {
        go("#/sync");
        return browser.find(By.id("sync-pending")).getText();
    }

    /** Syncs from the sync screen and waits until that sync has finished and nothing is left to send. */
    void syncNow() {
        go("#/sync");
        int before = finishedSyncs();
        // a sync already running (the one the online event starts) is joined by the button
        click(By.cssSelector("#sync-now:not([disabled])"));
        new WebDriverWait(browser.driver(), SYNC_WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> finishedSyncs() > before
                        && "0".equals(d.findElement(By.id("sync-pending")).getText())
                        && d.findElements(By.cssSelector("#sync-now[disabled]")).isEmpty());
    }

    int finishedSyncs() {
        Object n = script("return Number(document.body.dataset.syncs || 0);");
        return ((Number) n).intValue();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            Browser.deleteProfile(profile);
        }
    }
}
