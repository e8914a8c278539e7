package org.casework.web.m;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The version of the offline app's shell: a hash of the content of every file the service worker
 * may cache (everything under static/m, and the message bundles the app's text is cut from). Any
 * change of any of them gives the worker a new cache name, so an installed phone drops the old
 * shell at its next online start - nobody has to remember to bump a constant.
 */
final class ShellVersion {

    static final String PREFIX = "casework-m-";

    private static final List<String> PATTERNS =
            List.of("classpath*:static/m/**", "classpath*:i18n/messages*.properties");

    private final ResourcePatternResolver resolver;

    ShellVersion(ResourcePatternResolver resolver) {
        this.resolver = resolver;
    }

    ShellVersion() {
        this(new PathMatchingResourcePatternResolver());
    }

    /** The cache name, e.g. casework-m-3f2a…: computed from the files as they are now. */
    String cacheName() {
        return PREFIX + hashOf(shellFiles());
    }

    private List<Resource> shellFiles() {
        try {
            Resource[] found = new Resource[0];
            for (String pattern : PATTERNS) {
                Resource[] more = resolver.getResources(pattern);
                found = concat(found, more);
            }
            return Arrays.stream(found)
                    .filter(Resource::isReadable)
                    // the worker script itself carries the name; its own change must count too
                    .sorted(Comparator.comparing(ShellVersion::key))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource[] concat(Resource[] a, Resource[] b) {
        Resource[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String key(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("static/m/");
            if (at < 0) {
                at = url.lastIndexOf("i18n/");
            }
            return at < 0 ? url : url.substring(at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names and contents, in a fixed order: the first 12 hex digits of their SHA-256. */
    static String hashOf(List<Resource> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Resource file : files) {
            digest.update(key(file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = file.getInputStream()) {
                digest.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}
