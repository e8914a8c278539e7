package org.casework.web.m;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.casework.core.visits.VisitPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The offline app's entry points. Its text comes from the station's message bundles (keys
 * {@code m.*}) so that translators keep one set of files; both JSON answers are the same for every
 * user and hold nothing personal, so the service worker may cache them.
 */
@Controller
@EnableConfigurationProperties(OfflineAppProperties.class)
class OfflineAppController {

    private static final String PREFIX = "m.";

    /** What sw.js says in place of the cache name; the served script has the real one. */
    static final String SW_VERSION_PLACEHOLDER = "casework-m-@SHELL_VERSION@";

    private final OfflineAppProperties properties;
    private final ShellVersion shellVersion = new ShellVersion();
    private final Map<String, Map<String, String>> texts = new ConcurrentHashMap<>();

    private final VisitPolicy visitPolicy;

    OfflineAppController(OfflineAppProperties properties, VisitPolicy visitPolicy) {
        this.properties = properties;
        this.visitPolicy = visitPolicy;
    }

    @GetMapping("/m")
    String slash() {
        // relative URLs and the service worker scope need the trailing slash
        return "redirect:/m/";
    }

    @GetMapping("/m/")
    String shell() {
        return "forward:/m/index.html";
    }

    /**
     * The service worker with its cache name set to the current shell version (see {@link
     * ShellVersion}); revalidated on every load, so a phone online learns of a new version at once.
     */
    @GetMapping(value = "/m/sw.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> serviceWorker() throws IOException {
        String script = new ClassPathResource("static/m/sw.js").getContentAsString(StandardCharsets.UTF_8);
        String versioned = script.replace(SW_VERSION_PLACEHOLDER, shellVersion.cacheName());
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(versioned);
    }

    @GetMapping("/m/config.json")
    ResponseEntity<Map<String, Object>> config() {
        List<Map<String, String>> numbers = new ArrayList<>();
        numbers.add(Map.of("number", "110", "name", "报警", "nameEn", "Police"));
        for (OfflineAppProperties.EmergencyNumber n : properties.emergencyNumbers()) {
            if (!"110".equals(n.number())) {
                numbers.add(Map.of(
                        "number", n.number(),
                        "name", n.name() == null ? n.number() : n.name(),
                        "nameEn", n.nameEn() == null ? (n.name() == null ? n.number() : n.name()) : n.nameEn()));
            }
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .body(Map.of(
                        "offlineLoginDays", properties.offlineLoginDays(),
                        "emergencyNumbers", numbers,
                        "visitIntervals", visitIntervals()));
    }

    /**
     * The county's visit intervals (ISO-8601 periods by level, and the monthly minimum of the 特困
     * rules): a visit saved offline moves the child's next visit on the phone at once; the server
     * recomputes the schedule when the visit arrives.
     */
    private Map<String, String> visitIntervals() {
        return Map.of(
                "RED", visitPolicy.redInterval().toString(),
                "ORANGE", visitPolicy.orangeInterval().toString(),
                "YELLOW", visitPolicy.yellowInterval().toString(),
                "GREEN", visitPolicy.greenInterval().toString(),
                "MONTHLY", visitPolicy.specialDifficultyElderlyInterval().toString());
    }

    @GetMapping("/m/i18n/{lang}.json")
    ResponseEntity<Map<String, String>> i18n(@PathVariable String lang) {
        String language = lang.toLowerCase().startsWith("en") ? "en" : "zh-CN";
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .body(texts.computeIfAbsent(language, OfflineAppController::load));
    }

    /** The m.* keys of the default (Chinese) bundle, overridden by the English one when asked. */
    private static Map<String, String> load(String language) {
        Map<String, String> result = new TreeMap<>();
        read("i18n/messages.properties", result);
        if ("en".equals(language)) {
            read("i18n/messages_en.properties", result);
        }
        return Map.copyOf(result);
    }

    private static void read(String path, Map<String, String> into) {
        Properties bundle = new Properties();
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            bundle.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bundle.stringPropertyNames().stream()
                .filter(key -> key.startsWith(PREFIX))
                .forEach(key -> into.put(key, bundle.getProperty(key)));
    }
}
