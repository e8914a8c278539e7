package org.casework.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.casework.core.shared.PositiveAmount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The largest request body each door accepts ({@code casework.http.max-body.*}). Bigger bodies are
 * refused with 413 before they are read to the end, so a client cannot fill the server's memory.
 *
 * @param standard every API call and web form not named below (a flag with its photo: about 2.7 MB)
 * @param login the login doors, which anyone may call: a username and a password
 * @param upload the official region files (CSV) an administrator imports
 * @param sync a device's sync push (as sent: a gzip body may inflate to 32 MB at most)
 */
@ConfigurationProperties("casework.http.max-body")
@Validated
public record BodyLimits(
        @PositiveAmount DataSize standard,
        @PositiveAmount DataSize login,
        @PositiveAmount DataSize upload,
        @PositiveAmount DataSize sync) {

    static final Set<String> LOGIN_PATHS =
            Set.of("/login", "/api/v1/auth/token", "/api/sync/v1/devices", "/api/sync/v1/devices/refresh");

    public BodyLimits {
        standard = standard == null ? DataSize.ofMegabytes(4) : standard;
        login = login == null ? DataSize.ofKilobytes(16) : login;
        upload = upload == null ? DataSize.ofMegabytes(20) : upload;
        sync = sync == null ? DataSize.ofMegabytes(32) : sync;
    }

    /** The limit in bytes for this request's path. */
    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (LOGIN_PATHS.contains(path)) {
            return login.toBytes();
        }
        if (path.equals("/api/v1/regions/import")) {
            return upload.toBytes();
        }
        if (path.startsWith("/api/sync/")) {
            return sync.toBytes();
        }
        return standard.toBytes();
    }
}
