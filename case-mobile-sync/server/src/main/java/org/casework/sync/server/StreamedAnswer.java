package org.casework.sync.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.casework.sync.protocol.Change;
import org.casework.sync.protocol.MutationResult;
import org.casework.sync.protocol.SyncResponse;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sync answer written as it is made (docs/benchmarks.md, issue 16): the same JSON as {@link
 * SyncResponse} written whole — {@code ack}, {@code results}, then each change as the pull reads
 * it, then {@code cursor}, {@code more}, {@code checksums}, {@code resync}, {@code serverTime},
 * {@code warnings} — so the first bytes leave while the server is still reading.
 *
 * <p>The bytes are held until about {@code flushBytes} of JSON have been written since the last
 * send, then sent (a gzip sync flush: the device can inflate what it has). Until the first send
 * nothing is committed: a failure then is answered like any other (503, 500…), and an answer that
 * fits under the threshold goes out whole with its Content-Length, as before. A failure after
 * the first send cannot be answered any more: the answer is left without its end (no cursor, no
 * gzip trailer) and {@link CutShort} makes the container drop the connection — a device treats an
 * answer without its cursor as no answer and asks again; it never applies part of one.
 */
public final class StreamedAnswer {

    /** Request attribute: the answer's bytes as written to the wire (gzip included), for the traffic meter. */
    public static final String BYTES_SENT = "casework.sync.answerBytesSent"; // read by case-web's SyncTrafficMeter

    /** The answer was cut after part of it had been sent: the connection is dropped, not ended. */
    public static final class CutShort extends RuntimeException {
        CutShort(String message, Throwable cause) {
            super(message, cause);
        }

        private CutShort(String message) {
            super(message, null, false, false);
        }

        /**
         * The same, without its cause or stack trace: what is thrown on to the container once the
         * cause has been logged (scrubbed), so the container's own log line holds no more than this.
         */
        CutShort bare() {
            return new CutShort(getMessage());
        }
    }

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final JsonMapper json;
    private final int flushBytes;
    private final boolean gzipped;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(32 * 1024);
    private final Counting counted;
    private final GZIPOutputStream gzip;
    private final JsonGenerator out;
    private long jsonSentAt;
    private long bytesSent;
    private int changes;
    private boolean begun;
    private boolean committed;
    private boolean ended;
    /** Writing to the device failed: it went away, nobody is left to tell. */
    private boolean wireBroken;

    StreamedAnswer(JsonMapper json, HttpServletRequest request, HttpServletResponse response, int flushBytes) {
        this.json = json;
        this.request = request;
        this.response = response;
        this.flushBytes = Math.max(1, flushBytes);
        String accept = request.getHeader("Accept-Encoding");
        this.gzipped = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
        try {
            // syncFlush: a flush hands the device every byte written so far, inflatable as it is
            this.gzip = gzipped ? new GZIPOutputStream(held, 8192, true) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.counted = new Counting(gzipped ? gzip : held);
        this.out = json.createGenerator(counted);
    }

    /** Starts the answer with the push's acknowledgement and results; the changes follow. */
    public void begin(long ack, List<MutationResult> results) {
        begun = true;
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.addHeader("Vary", "Accept-Encoding");
        if (gzipped) {
            response.setHeader("Content-Encoding", "gzip");
        }
        out.writeStartObject();
        out.writeName("ack");
        out.writeNumber(ack);
        out.writeName("results");
        json.writeValue(out, results);
        out.writeName("changes");
        out.writeStartArray();
    }

    /** One change; sends what is held once enough has been written since the last send. */
    public void change(Change change) {
        json.writeValue(out, change);
        changes++;
        out.flush();
        if (counted.count - jsonSentAt >= flushBytes) {
            send();
        }
    }

    /** Ends the answer: the cursor and the rest, then the gzip trailer; an answer never sent goes whole. */
    public void end(
            String cursor,
            boolean more,
            Map<String, String> checksums,
            List<String> resync,
            Instant serverTime,
            List<String> warnings) {
        out.writeEndArray();
        field("cursor", cursor);
        field("more", more);
        field("checksums", checksums);
        field("resync", resync);
        field("serverTime", serverTime);
        field("warnings", warnings);
        out.writeEndObject();
        out.close(); // closes the gzip stream: its trailer
        ended = true;
        try {
            if (!committed) {
                response.setContentLength(held.size());
            }
            OutputStream wire = response.getOutputStream();
            bytesSent += held.size();
            held.writeTo(wire);
            held.reset();
            wire.close();
        } catch (IOException e) {
            wireBroken = true;
            throw new UncheckedIOException(e);
        } finally {
            request.setAttribute(BYTES_SENT, bytesSent);
        }
    }

    /** Changes written so far. */
    public int changes() {
        return changes;
    }

    /** Whether part of the answer has left (the status and headers are then final). */
    public boolean committed() {
        return committed;
    }

    /**
     * What to throw when making the answer failed: before anything was sent, the failure itself
     * (answered as usual, the answer's headers undone); after, {@link CutShort}; null when the
     * device went away (writing to it failed): there is nobody to answer.
     */
    public RuntimeException failed(RuntimeException failure) {
        request.setAttribute(BYTES_SENT, bytesSent);
        if (wireBroken) {
            return null;
        }
        if (!committed) {
            if (begun) {
                response.reset();
            }
            return failure;
        }
        if (failure instanceof CutShort) {
            return failure;
        }
        return new CutShort("sync answer cut short after " + changes + " changes", failure);
    }

    private void field(String name, Object value) {
        if (value != null) {
            out.writeName(name);
            json.writeValue(out, value);
        }
    }

    private void send() {
        if (ended) {
            return;
        }
        try {
            out.flush();
            if (gzip != null) {
                gzip.flush();
            }
            OutputStream wire = response.getOutputStream();
            bytesSent += held.size();
            held.writeTo(wire);
            held.reset();
            response.flushBuffer();
            committed = true;
            jsonSentAt = counted.count;
        } catch (IOException e) {
            committed = true; // part may have left: only a cut is left to do
            wireBroken = true;
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the JSON bytes; a flush from the generator stops here (sending is this class's choice). */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() {
            // not passed on: a gzip sync flush on every change would cost bytes and time
        }
    }
}
