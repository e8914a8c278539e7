package org.casework.sync.client;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Sends one JSON request to the sync server. An {@link IOException} means "no answer". */
public interface SyncTransport {

    /**
     * @param path under {@code /api/sync/v1}, e.g. {@code /sync}
     * @param bearer the access token, or null for registration and refresh
     */
    Response post(String path, String json, String bearer) throws IOException;

    /**
     * The same request, with the body handed over as it arrives (decompressed), so the device can
     * apply a sync answer while the rest is still on the way (issue 16). The caller closes it. An
     * {@link IOException} while reading the body is a cut answer: no answer at all. The default
     * reads the whole body with {@link #post} first (test transports, wrappers that record answers).
     */
    default StreamedResponse stream(String path, String json, String bearer) throws IOException {
        Response response = post(path, json, bearer);
        String body = response.body() == null ? "" : response.body();
        return new StreamedResponse(response.status(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The status and the (decompressed) body. */
    record Response(int status, String body) {}

    /** The status and the (decompressed) body as a stream, read as the bytes arrive. */
    record StreamedResponse(int status, InputStream body) implements Closeable {

        /** The whole body as text (a refusal or a problem; small). */
        String readAll() throws IOException {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
