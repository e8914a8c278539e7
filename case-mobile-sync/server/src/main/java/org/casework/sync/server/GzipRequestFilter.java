package org.casework.sync.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.casework.core.shared.BodyTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inflates request bodies sent with {@code Content-Encoding: gzip} (devices on 2G send their outbox
 * compressed). The inflated body is capped so a small "zip bomb" cannot exhaust memory: past the cap
 * the reader gets {@link BodyTooLargeException} (answered 413 with the limit). A body labelled gzip
 * that is not gzip is answered 400 here, before authentication, never 500.
 */
class GzipRequestFilter extends OncePerRequestFilter {

    static final long MAX_INFLATED_BYTES = 32L * 1024 * 1024;

    private final SyncProblems problems;

    GzipRequestFilter(SyncProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = request.getHeader("Content-Encoding");
        if (encoding == null || !encoding.strip().equalsIgnoreCase("gzip")) {
            chain.doFilter(request, response);
            return;
        }
        GZIPInputStream gzip;
        try {
            // reads the gzip header: a body that is not gzip fails here
            gzip = new GZIPInputStream(request.getInputStream());
        } catch (BodyTooLargeException e) {
            problems.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "error.bodyTooLarge",
                    Map.of("limitBytes", e.getLimitBytes()),
                    BodyTooLargeException.readable(e.getLimitBytes()));
            return;
        } catch (ZipException | EOFException e) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "error.malformed.gzip", null);
            return;
        }
        InputStream inflated = BodyTooLargeException.cap(gzip, MAX_INFLATED_BYTES);
        chain.doFilter(new Inflated(request, inflated), response);
    }

    private static final class Inflated extends HttpServletRequestWrapper {
        private final ServletInputStream stream;

        Inflated(HttpServletRequest request, InputStream body) {
            super(request);
            this.stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return body.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return body.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking only");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        }

        @Override
        public String getHeader(String name) {
            if ("Content-Encoding".equalsIgnoreCase(name)) {
                return null;
            }
            if ("Content-Length".equalsIgnoreCase(name)) {
                return null;
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if ("Content-Encoding".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)) {
                return Collections.emptyEnumeration();
            }
            return super.getHeaders(name);
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }
    }
}
