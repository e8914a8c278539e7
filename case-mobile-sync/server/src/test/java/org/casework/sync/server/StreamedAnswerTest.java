package org.casework.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.casework.sync.protocol.Change;
import org.casework.sync.protocol.MutationResult;
import org.casework.sync.protocol.SyncResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.json.JsonMapper;

/** The streamed sync answer: the same JSON as the whole one, sent early, and never ended when cut. */
class StreamedAnswerTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final SyncResponse whole = answer(300);

    @Test
    void streamedItIsByteForByteTheWholeAnswer() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            MockHttpServletResponse once = new MockHttpServletResponse();
            new SyncJson(MAPPER, 16384).write(request(gzip), once, 200, whole);

            MockHttpServletResponse streamed = stream(gzip, 512, whole);

            assertThat(streamed.isCommitted()).isTrue();
            assertThat(streamed.getHeader("Content-Length"))
                    .as("sent in parts: no length")
                    .isNull();
            assertThat(streamed.getHeader("Content-Encoding")).isEqualTo(gzip ? "gzip" : null);
            assertThat(text(streamed, gzip)).isEqualTo(text(once, gzip));
        }
    }

    @Test
    void anAnswerUnderTheThresholdGoesWholeWithItsLength() throws IOException {
        SyncResponse small = answer(3);
        MockHttpServletResponse once = new MockHttpServletResponse();
        new SyncJson(MAPPER, 16384).write(request(true), once, 200, small);

        MockHttpServletResponse streamed = stream(true, 16384, small);

        assertThat(streamed.getHeader("Content-Length"))
                .isEqualTo(String.valueOf(streamed.getContentAsByteArray().length));
        assertThat(text(streamed, true)).isEqualTo(text(once, true));
    }

    @Test
    void theFirstChangesLeaveBeforeThePullEndsAndTheCursorComesLast() throws IOException {
        MockHttpServletRequest request = request(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        StreamedAnswer answer = new SyncJson(MAPPER, 2048).stream(request, response);
        answer.begin(whole.ack(), whole.results());
        int sentAfter = -1;
        for (int i = 0; i < whole.changes().size(); i++) {
            answer.change(whole.changes().get(i));
            if (response.isCommitted()) {
                sentAfter = i + 1;
                break;
            }
        }

        assertThat(sentAfter).as("changes written before the first send").isBetween(1, 40);
        String sofar = inflatePart(response.getContentAsByteArray());
        assertThat(sofar).startsWith("{\"ack\":7,\"results\":[").contains("\"id\":\"c0000\"");
        assertThat(sofar).doesNotContain("\"cursor\"");
    }

    @Test
    void aFailureBeforeAnythingLeftIsAnsweredAsUsual() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        StreamedAnswer answer = new SyncJson(MAPPER, 1 << 20).stream(request(true), response);
        answer.begin(whole.ack(), whole.results());
        whole.changes().subList(0, 5).forEach(answer::change);
        RuntimeException down = new CannotCreateTransactionException("database down");

        RuntimeException thrown = answer.failed(down);

        assertThat(thrown).as("the failure itself: 503 as before").isSameAs(down);
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getHeader("Content-Encoding"))
                .as("the answer's headers are undone for the problem")
                .isNull();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aFailureAfterThePartsLeftCutsTheAnswerWithoutItsEnd() throws IOException {
        MockHttpServletRequest request = request(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        StreamedAnswer answer = new SyncJson(MAPPER, 1024).stream(request, response);
        answer.begin(whole.ack(), whole.results());
        whole.changes().subList(0, 100).forEach(answer::change);
        assertThat(response.isCommitted()).isTrue();

        RuntimeException thrown = answer.failed(new CannotCreateTransactionException("database down"));

        assertThat(thrown).isInstanceOf(StreamedAnswer.CutShort.class).hasMessageContaining("100 changes");
        byte[] body = response.getContentAsByteArray();
        assertThatThrownBy(() -> gunzip(body))
                .as("no gzip trailer: a device's gunzip fails")
                .isInstanceOf(EOFException.class);
        String sofar = inflatePart(body);
        assertThat(sofar).doesNotContain("\"cursor\"");
        assertThatThrownBy(() -> MAPPER.readTree(sofar))
                .as("nor is it whole JSON")
                .isNotNull();
        assertThat(request.getAttribute(StreamedAnswer.BYTES_SENT)).isEqualTo((long) body.length);
    }

    @Test
    void aDeviceThatWentAwayIsNotAnsweredAtAll() {
        MockHttpServletRequest request = request(true);
        jakarta.servlet.http.HttpServletResponse gone =
                new jakarta.servlet.http.HttpServletResponseWrapper(new MockHttpServletResponse()) {
                    @Override
                    public jakarta.servlet.ServletOutputStream getOutputStream() {
                        return new jakarta.servlet.ServletOutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                throw new IOException("Broken pipe");
                            }

                            @Override
                            public boolean isReady() {
                                return true;
                            }

                            @Override
                            public void setWriteListener(jakarta.servlet.WriteListener listener) {}
                        };
                    }
                };
        StreamedAnswer answer = new SyncJson(MAPPER, 512).stream(request, gone);
        answer.begin(whole.ack(), whole.results());

        RuntimeException failure = null;
        try {
            whole.changes().forEach(answer::change);
        } catch (RuntimeException e) {
            failure = e;
        }

        assertThat(failure).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(answer.failed(failure))
                .as("nobody to answer, nothing to throw")
                .isNull();
    }

    private static MockHttpServletResponse stream(boolean gzip, int flushBytes, SyncResponse whole) {
        MockHttpServletRequest request = request(gzip);
        MockHttpServletResponse response = new MockHttpServletResponse();
        StreamedAnswer answer = new SyncJson(MAPPER, flushBytes).stream(request, response);
        answer.begin(whole.ack(), whole.results());
        whole.changes().forEach(answer::change);
        answer.end(
                whole.cursor(), whole.more(), whole.checksums(), whole.resync(), whole.serverTime(), whole.warnings());
        assertThat(request.getAttribute(StreamedAnswer.BYTES_SENT))
                .isEqualTo((long) response.getContentAsByteArray().length);
        return response;
    }

    private static MockHttpServletRequest request(boolean gzip) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/sync/v1/sync");
        if (gzip) {
            request.addHeader("Accept-Encoding", "gzip, deflate");
        }
        return request;
    }

    /** Every kind of line: upserts with a cleared field, removals, a scope removal, refused results. */
    private static SyncResponse answer(int changes) {
        List<Change> list = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            String id = String.format("c%04d", i);
            switch (i % 10) {
                case 3 -> list.add(new Change("visit", id, null, "410225101201", "D", null));
                case 7 -> list.add(new Change("scope", "410225101202", null, null, "D", null));
                default -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("name", "王小明" + i);
                    f.put("phoneMasked", null);
                    f.put("categories", List.of("LEFT_BEHIND_CHILD"));
                    f.put("address", "任庄村三组" + i + "号");
                    list.add(new Change("client", id, (long) i, "410225101201", "U", f));
                }
            }
        }
        Map<String, String> sums = new TreeMap<>(Map.of("410225101201", "ab12", "ref", "cd34"));
        return new SyncResponse(
                7L,
                List.of(
                        new MutationResult(
                                UUID.fromString("00000000-0000-4000-8000-000000000001"),
                                6L,
                                "APPLIED",
                                "visit",
                                UUID.fromString("00000000-0000-4000-8000-000000000002"),
                                0L,
                                null,
                                null,
                                List.of()),
                        new MutationResult(
                                UUID.fromString("00000000-0000-4000-8000-000000000003"),
                                7L,
                                "REJECTED",
                                "client",
                                null,
                                null,
                                "validation",
                                "输入有误",
                                List.of(new MutationResult.FieldError("guardianPhone", "号码无效")))),
                list,
                "MTsxMjM0OzswOw",
                false,
                sums,
                List.of(),
                Instant.parse("2026-11-27T08:00:01.250Z"),
                List.of("device.limitNear"));
    }

    private static String text(MockHttpServletResponse response, boolean gzip) throws IOException {
        byte[] body = response.getContentAsByteArray();
        return new String(gzip ? gunzip(body) : body, StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** What a device can inflate of a gzip answer so far (a sync flush makes every part inflatable). */
    private static String inflatePart(byte[] gz) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(gz, 10, gz.length - 10); // after the 10-byte gzip header
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = inflater.inflate(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
