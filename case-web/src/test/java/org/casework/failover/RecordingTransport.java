package org.casework.failover;

import java.io.IOException;
import org.casework.sync.client.SyncTransport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference client's HTTP transport, recording each request's latency and answer, and keeping
 * the last sync request and its answer to compare the device's checksums with the server's.
 */
final class RecordingTransport implements SyncTransport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SyncTransport http;
    private final Recorder recorder;
    private volatile JsonNode lastRequest;
    private volatile JsonNode lastAnswer;

    RecordingTransport(SyncTransport http, Recorder recorder) {
        this.http = http;
        this.recorder = recorder;
    }

    @Override
    public Response post(String path, String json, String bearer) throws IOException {
        long start = System.nanoTime();
        try {
            Response response = http.post(path, json, bearer);
            recorder.record("sync", start, response.status());
            if ("/sync".equals(path)) {
                lastRequest = JSON.readTree(json);
                lastAnswer = response.status() == 200 ? JSON.readTree(response.body()) : null;
            }
            return response;
        } catch (IOException noAnswer) {
            recorder.record("sync", start, 0);
            throw noAnswer;
        }
    }

    JsonNode lastRequest() {
        return lastRequest;
    }

    JsonNode lastAnswer() {
        return lastAnswer;
    }
}
