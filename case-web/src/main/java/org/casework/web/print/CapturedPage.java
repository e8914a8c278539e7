package org.casework.web.print;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * A response that keeps what a view writes instead of sending it: the page becomes the input of
 * the PDF. Headers about the page's own content type stay off the real response (the PDF sets its
 * own).
 */
final class CapturedPage extends HttpServletResponseWrapper {

    private final StringWriter text = new StringWriter();
    private final PrintWriter writer = new PrintWriter(text);

    CapturedPage(HttpServletResponse response) {
        super(response);
    }

    String html() {
        writer.flush();
        return text.toString();
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        throw new UnsupportedOperationException("the print view writes text");
    }

    @Override
    public void setContentType(String type) {
        // the page's text/html is not the PDF's type
    }

    @Override
    public void setCharacterEncoding(String charset) {
        // the page is kept as a Java string
    }

    @Override
    public void setLocale(Locale locale) {
        // the PDF response carries no page locale
    }

    @Override
    public void setContentLength(int len) {
        // the PDF's length differs
    }

    @Override
    public void setContentLengthLong(long len) {
        // the PDF's length differs
    }

    @Override
    public void flushBuffer() {
        writer.flush();
    }

    @Override
    public boolean isCommitted() {
        return false;
    }
}
