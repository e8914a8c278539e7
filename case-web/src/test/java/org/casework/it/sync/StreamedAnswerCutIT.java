package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.sync.client.HttpSyncTransport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.client.RetryPolicy;
import org.casework.sync.client.SyncClient;
import org.casework.sync.client.SyncException;
import org.casework.sync.client.SyncTransport;
import org.casework.sync.server.engine.SyncReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sync answer is streamed (issue 16): its first changes leave before the pull has read the
 * rest, and its cursor comes last. Here the database fails while the answer is on its way (after
 * parts of it left): the server cannot answer 503 any more, so it drops the connection, and the
 * device must take that as no answer — nothing of it applied, the push sent again (answered from
 * the stored results), the pull asked again. Small pages and sends here so a village of 12
 * children takes several of each.
 */
@TestPropertySource(properties = {"casework.sync.stream.page-records=4", "casework.sync.stream.flush-bytes=1024"})
class StreamedAnswerCutIT extends ApiTest {

    /** 孟寨村, 堌阳镇: no other test works there. */
    private static final String VILLAGE = "410225101246";

    private static final int CHILDREN = 12;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @MockitoSpyBean
    SyncReader reader;

    @TempDir
    Path dir;

    private UserBuilder director;
    private final List<UUID> children = new ArrayList<>();

    /** Pages of children still to fail (a lost database connection) before the reader works again. */
    private final AtomicInteger cuts = new AtomicInteger();

    @BeforeAll
    void village() {
        director = UserBuilder.aVillageChildDirector().in(VILLAGE);
        registry.createUser(director);
        for (int i = 0; i < CHILDREN; i++) {
            children.add(registry.registerId(
                    DemoUsers.STATION_GUYANG, aLeftBehindChild().inVillage(VILLAGE)));
        }
    }

    /** The second page of children fails while {@link #cuts} lasts: parts of the answer have left by then. */
    private void cutAtTheSecondPageOfChildren(int times) {
        cuts.set(times);
        doAnswer(call -> {
                    if ("client".equals(call.getArgument(2))
                            && call.getArgument(3) != null
                            && cuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new DataAccessResourceFailureException("Connection reset");
                    }
                    return call.callRealMethod();
                })
                .when(reader)
                .page(any(), any(), any(), any(), anyInt());
    }

    @Test
    void theFirstChangesLeaveBeforeTheFailureAndTheCutAnswerHasNoEndNorCursor() throws IOException {
        TestDevice device = new TestDevice(new SyncHttp(port), director.username()).register(UserBuilder.PASSWORD);
        cutAtTheSecondPageOfChildren(1);

        Wire wire = post(device.accessToken, "{\"mutations\":[],\"limit\":2000}");

        assertThat(wire.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("Transfer-Encoding: chunked");
        assertThat(wire.body())
                .as("the first children left before the failure")
                .startsWith("{\"ack\":0,\"results\":[],\"changes\":[{\"t\":\"client\"")
                .doesNotContain("\"cursor\"");
        assertThat(wire.ended())
                .as("the chunked body is never ended: the connection is dropped")
                .isFalse();

        Wire whole = post(device.accessToken, "{\"mutations\":[],\"limit\":2000}");

        assertThat(whole.ended()).isTrue();
        var answer = JSON.readTree(whole.body());
        assertThat(answer.path("cursor").asString()).isNotBlank();
        long sent = 0;
        for (var c : answer.path("changes")) {
            sent += "client".equals(c.path("t").asString()) ? 1 : 0;
        }
        assertThat(sent).isEqualTo(CHILDREN);
    }

    @Test
    void theReferenceClientRetriesAndNeitherLosesNorHalfAppliesAnything() {
        Counting link = new Counting();
        try (SyncClient phone = phone("retried.db", link, RetryPolicy.DEFAULT)) {
            phone.register(director.username(), UserBuilder.PASSWORD, "cut");
            UUID visit =
                    phone.edits().logVisit(new VisitLog(children.get(0), "HOME_VISIT", Instant.now(), 20, "走访", null));
            cutAtTheSecondPageOfChildren(1);

            phone.sync();

            assertThat(link.noAnswer).as("the cut answer was no answer").hasSize(1);
            assertThat(link.syncs).as("the same request asked again").isEqualTo(2);
            assertThat(phone.queries().pendingCount()).isZero();
            assertThat(phone.store().recordsOfType("client")).hasSize(CHILDREN);
            assertThat(visitsOnTheServer(children.get(0))).containsOnlyOnce(visit.toString());
        }
    }

    @Test
    void aCutOnTheLastAttemptLeavesThePhoneAsItWasAndTheNextSyncCompletesIt() {
        Counting link = new Counting();
        RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, 0.5);
        try (SyncClient phone = phone("last.db", link, once)) {
            link.childrenHeld = () -> phone.store().recordsOfType("client").size();
            phone.register(director.username(), UserBuilder.PASSWORD, "cut");
            UUID visit =
                    phone.edits().logVisit(new VisitLog(children.get(1), "HOME_VISIT", Instant.now(), 20, "走访", null));
            cutAtTheSecondPageOfChildren(1);

            assertThatThrownBy(phone::sync)
                    .isInstanceOfSatisfying(
                            SyncException.class, e -> assertThat(e.status()).isZero());

            assertThat(link.noAnswer).hasSize(1);
            assertThat(link.childrenHeldAtTheCut)
                    .as("the first page of children was applied as it arrived, before the cut")
                    .singleElement()
                    .satisfies(n -> assertThat(n).isPositive());
            assertThat(phone.store().recordsOfType("client"))
                    .as("nothing of the cut answer: its transaction rolled back")
                    .isEmpty();
            assertThat(phone.store().recordsOfType("region")).isEmpty();
            assertThat(phone.store().meta("cursor")).isNull();
            assertThat(phone.queries().pendingCount())
                    .as("the visit stays queued: the server has it, the phone did not hear so")
                    .isEqualTo(1);
            assertThat(visitsOnTheServer(children.get(1))).containsOnlyOnce(visit.toString());

            phone.sync();

            assertThat(phone.queries().pendingCount()).isZero();
            assertThat(phone.store().recordsOfType("client")).hasSize(CHILDREN);
            assertThat(visitsOnTheServer(children.get(1)))
                    .as("sent again, stored once")
                    .containsOnlyOnce(visit.toString());
        }
    }

    private SyncClient phone(String file, Counting link, RetryPolicy retry) {
        return SyncClient.open(new SyncClient.Config()
                .database(dir.resolve(file))
                .transport(link)
                .pullLimit(2000)
                .retry(retry, sleep -> {}, () -> 0.0));
    }

    private List<String> visitsOnTheServer(UUID child) {
        return texts(allItems("/api/v1/services?client=" + child, token(DemoUsers.STATION_GUYANG)), "id");
    }

    /**
     * The real HTTP transport, streamed as the client reads it, counting sync requests and the
     * attempts that got no answer; at a cut it notes how many children the phone held then (inside
     * the open transaction of the answer being applied).
     */
    private final class Counting implements SyncTransport {
        final HttpSyncTransport http =
                new HttpSyncTransport(URI.create("http://localhost:" + port), Duration.ofSeconds(30), "zh-CN");
        final List<String> noAnswer = new ArrayList<>();
        final List<Integer> childrenHeldAtTheCut = new ArrayList<>();
        IntSupplier childrenHeld = () -> -1;
        int syncs;

        @Override
        public Response post(String path, String json, String bearer) throws IOException {
            return http.post(path, json, bearer);
        }

        @Override
        public StreamedResponse stream(String path, String json, String bearer) throws IOException {
            if (path.endsWith("/sync")) {
                syncs++;
            }
            try {
                StreamedResponse response = http.stream(path, json, bearer);
                return new StreamedResponse(response.status(), new FilterInputStream(response.body()) {
                    @Override
                    public int read() throws IOException {
                        try {
                            return super.read();
                        } catch (IOException e) {
                            throw cut(e);
                        }
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        try {
                            return super.read(b, off, len);
                        } catch (IOException e) {
                            throw cut(e);
                        }
                    }
                });
            } catch (IOException e) {
                noAnswer.add(String.valueOf(e));
                throw e;
            }
        }

        private IOException cut(IOException e) {
            noAnswer.add(String.valueOf(e));
            childrenHeldAtTheCut.add(childrenHeld.getAsInt());
            return e;
        }
    }

    /** A sync answer as it came off the socket: head, the chunks' bytes, and whether the last chunk came. */
    record Wire(String head, String body, boolean ended) {}

    /** One sync over a raw socket, no gzip: what the server wrote, chunk by chunk, until it closed. */
    private Wire post(String token, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/sync/v1/sync HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + token
                            + "\r\nAccept-Encoding: identity\r\nConnection: close\r\n"
                            + "Content-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = line(in);
            for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                head += "\n" + l;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean ended = false;
            if (!head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                in.transferTo(body);
                return new Wire(head, body.toString(StandardCharsets.UTF_8), true);
            }
            try {
                for (String size = line(in); size != null && !size.isEmpty(); size = line(in)) {
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        ended = true;
                        break;
                    }
                    byte[] chunk = in.readNBytes(n);
                    body.write(chunk);
                    if (chunk.length < n) {
                        break;
                    }
                    line(in); // the CRLF after the chunk
                }
            } catch (java.net.SocketException e) {
                // reset by the server: not ended either
            }
            return new Wire(head, body.toString(StandardCharsets.UTF_8), ended);
        }
    }

    /** A CRLF-ended line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
