package org.casework.web.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.casework.core.database.TransientFailures;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's last word on an error it found before the application saw the request (an undecodable
 * URL such as {@code /api/v1/clients/%zz}): a problem in JSON for API paths instead of Tomcat's HTML
 * page; elsewhere Tomcat's page without report or server details. And the last word when the
 * database is gone and even the error page failed (the web session is read from the database on
 * the error dispatch too): 503 with Retry-After, as {@link ProblemErrorController} answers when it
 * can run, instead of Tomcat's 500.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ErrorProblems problems;

    ProblemErrorReportValve(ErrorProblems problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (throwable != null && TransientFailures.isTransient(throwable)) {
            databaseUnavailable(request, response);
            return;
        }
        int status = response.getStatus();
        String uri = request.getRequestURI();
        if (status < 400 || !ErrorProblems.isApiPath(uri)) {
            super.report(request, response, throwable);
            return;
        }
        // an answer the application already wrote (a filter's problem, say) stands as it is
        if (response.isCommitted() || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.resetBuffer();
            problems.write(request, response, status, uri, -1);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already started: Tomcat's own handling stands
        }
    }

    private void databaseUnavailable(Request request, Response response) {
        if (response.isCommitted() || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = request.getRequestURI();
        try {
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemErrorController.RETRY_AFTER_SECONDS);
            if (ErrorProblems.isApiPath(uri)) {
                problems.write(request, response, 503, uri, -1);
            } else {
                response.setStatus(503);
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                String detail = HtmlUtils.htmlEscape(
                        String.valueOf(problems.body(request, 503, uri, -1).get("detail")));
                response.getWriter()
                        .write("<!doctype html><html><head><meta charset=\"utf-8\"><title>503</title></head>"
                                + "<body><p>" + detail + "</p></body></html>");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already started: Tomcat's own handling stands
        }
    }
}
