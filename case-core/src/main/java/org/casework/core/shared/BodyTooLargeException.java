package org.casework.core.shared;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body longer than its limit, found while reading it: a body without a Content-Length
 * (chunked), or a compressed body that inflates past its cap (a "zip bomb"). An IOException, since
 * it is thrown from inside a stream that a JSON reader or a form parser is reading; the doors find
 * it in the cause chain and answer 413 with the limit. Plain Java: no servlet class is involved.
 */
public class BodyTooLargeException extends IOException {

    private final long limitBytes;

    public BodyTooLargeException(long limitBytes) {
        super("Request body over its limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long getLimitBytes() {
        return limitBytes;
    }

    /** The exception in the cause chain of {@code error}, or null. */
    public static BodyTooLargeException in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** A limit as people say it: "16 KB", "4 MB". */
    public static String readable(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " B";
    }

    /** Wraps a stream so that reading past {@code limitBytes} throws this exception. */
    public static InputStream cap(InputStream in, long limitBytes) {
        return new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++read > limitBytes) {
                    throw new BodyTooLargeException(limitBytes);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0 && (read += n) > limitBytes) {
                    throw new BodyTooLargeException(limitBytes);
                }
                return n;
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
