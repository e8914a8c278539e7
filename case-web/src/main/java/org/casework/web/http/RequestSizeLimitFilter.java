package org.casework.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.casework.core.shared.BodyTooLargeException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The global request size limit ({@link BodyLimits}), in front of everything (security included, so
 * an anonymous caller is refused too). A declared Content-Length over the limit is refused at once
 * with 413; a body without one (chunked) is read through a cap that throws
 * {@link BodyTooLargeException}, which the doors answer with 413 as well. Form and multipart bodies
 * are parsed by the container itself, bounded by its own settings (Content-Length is checked first).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The limit that applied to the request, for the error page that reports it. */
    static final String LIMIT_ATTRIBUTE = RequestSizeLimitFilter.class.getName() + ".limit";

    private final BodyLimits limits;
    private final ErrorProblems problems;

    RequestSizeLimitFilter(BodyLimits limits, ErrorProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(request);
        request.setAttribute(LIMIT_ATTRIBUTE, limit);
        if (request.getContentLengthLong() > limit) {
            // Tomcat closes the connection rather than read the rest of an unread large body
            if (ErrorProblems.isApiPath(request.getRequestURI())) {
                problems.write(request, response, 413, request.getRequestURI(), limit);
            } else {
                response.sendError(413);
            }
            return;
        }
        chain.doFilter(new Capped(request, limit), response);
    }

    /** Reads the body through a cap; everything else is the request as it came. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream raw = super.getInputStream();
                InputStream capped = BodyTooLargeException.cap(raw, limit);
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return capped.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return capped.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return raw.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return raw.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        raw.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
