package org.casework.web.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bytes of device sync on the wire ({@code casework.sync.payload}, by direction): the request body
 * as sent (gzip included) and the answer as written. Villages pay for mobile data; a growing
 * answer size is the first sign of a scope that pulls too much.
 */
class SyncTrafficMeter extends OncePerRequestFilter {

    static final String SYNC_PATH = "/api/sync/v1/sync";

    /** Set by the sync endpoint's streamed answer (pages never call sync classes: the name is shared, not the class). */
    static final String BYTES_SENT = "casework.sync.answerBytesSent";

    private final DistributionSummary received;
    private final DistributionSummary sent;

    SyncTrafficMeter(MeterRegistry registry) {
        this.received = summary(registry, "received");
        this.sent = summary(registry, "sent");
    }

    private static DistributionSummary summary(MeterRegistry registry, String direction) {
        return DistributionSummary.builder("casework.sync.payload")
                .description("Sync request and answer bodies as they travel (gzip included)")
                .baseUnit("bytes")
                .tag("direction", direction)
                .register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SYNC_PATH.equals(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        long in = request.getContentLengthLong();
        if (in > 0) {
            received.record(in);
        }
        String out = response.getHeader("Content-Length");
        // a streamed answer has no Content-Length: it says what it wrote (StreamedAnswer.BYTES_SENT)
        Object streamed = request.getAttribute(BYTES_SENT);
        if (streamed instanceof Long bytes) {
            sent.record(bytes);
        } else if (out != null) {
            sent.record(Long.parseLong(out));
        }
    }
}
