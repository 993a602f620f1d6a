package com.extensioncallouts.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.extensioncallouts.problem.ProblemResponses;

/** A signed-in user without the role for this: 403, as an RFC 9457 problem. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        SecurityLog.denied(request.getRemoteUser(), request.getMethod(), request.getRequestURI());
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
                "Only members of the group '" + Roles.ADMINS + "' may do this; members of '" + Roles.TICKET_SYSTEMS
                        + "' and API keys may post ticket events only.");
    }
}
