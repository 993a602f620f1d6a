package com.extensioncallouts.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report, for what Tomcat refuses before the application sees it (an encoded {@code /},
 * {@code \} or NUL, an invalid escape, a path above the root): a problem for {@code /api} paths, Tomcat's HTML page
 * for the others. A request line Tomcat cannot read at all (a raw {@code |}, {@code {}, {@code \} or non-ASCII
 * byte in the path) leaves no path to go by: browsers never send one (they escape those characters), API clients
 * may, so it is answered as a problem too.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    static final String DETAIL_400 = "The server refused the request before it reached the application: its URL is"
            + " malformed, such as an encoded '/', '\\' or NUL, an invalid escape or character, or a path above the"
            + " root.";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        boolean unreadable = uri == null || uri.isEmpty();
        if (!unreadable && !ProblemResponses.isApi(uri)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        // The same conditions as Tomcat's report: an error, nothing written yet, not reported before
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemLog.refusedByContainer(status, uri);
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        String detail = status == 400 ? DETAIL_400
                : status < 500 ? "The server refused the request before it reached the application."
                : "The server could not handle the request.";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.body(status, status == 400 ? "request-rejected" : "error", title,
                        detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was taken over; nothing more to tell
        }
    }
}
