package org.casework.web.http;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on an error it found before the application saw the request (an undecodable
 * URL such as {@code /api/v1/clients/%zz}): a problem in JSON for API paths instead of Tomcat's HTML
 * page; elsewhere Tomcat's page without report or server details.
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
}
