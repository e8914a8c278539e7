package org.casework.sync.client;

import java.io.IOException;

/** Sends one JSON request to the sync server. An {@link IOException} means "no answer". */
public interface SyncTransport {

    /**
     * @param path under {@code /api/sync/v1}, e.g. {@code /sync}
     * @param bearer the access token, or null for registration and refresh
     */
    Response post(String path, String json, String bearer) throws IOException;

    /** The status and the (decompressed) body. */
    record Response(int status, String body) {}
}
