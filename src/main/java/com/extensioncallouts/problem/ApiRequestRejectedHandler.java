package com.extensioncallouts.problem;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request under {@code /api} that Spring Security's HTTP firewall refuses ({@code ..}, {@code ;}, {@code //}, an
 * encoded {@code /}, {@code .} or {@code %}, a control character) is answered 400 as a problem like every other
 * refusal. Other paths keep the firewall's default: a 400 through the error page.
 */
class ApiRequestRejectedHandler implements RequestRejectedHandler {

    static final String DETAIL = "The request was refused before it reached the application: its URL or headers hold"
            + " something that is not allowed, such as '..', ';', '//', an encoded '/', '.' or '%', or a control"
            + " character.";

    private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException, ServletException {
        ProblemLog.rejected(request.getMethod(), request.getRequestURI(), e.getMessage());
        if (!ProblemResponses.isApi(request.getRequestURI())) {
            others.handle(request, response, e);
            return;
        }
        ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "request-rejected", "Bad Request",
                DETAIL);
    }
}
