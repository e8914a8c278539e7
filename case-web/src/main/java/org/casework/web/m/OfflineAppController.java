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

    private final OfflineAppProperties properties;
    private final Map<String, Map<String, String>> texts = new ConcurrentHashMap<>();

    OfflineAppController(OfflineAppProperties properties) {
        this.properties = properties;
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
                .body(Map.of("offlineLoginDays", properties.offlineLoginDays(), "emergencyNumbers", numbers));
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
