package com.extensioncallouts.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import com.extensioncallouts.problem.ProblemResponses;

/**
 * Cockpit and Camunda's other web apps for administrators only: a user signed in there who is not a member
 * of {@value Roles#ADMINS} gets 403 for every call but signing in and out. (Camunda's own authorizations are
 * off by default, which would let any user in.)
 */
class CockpitAccessFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UserAuthentication user = signedIn(request.getSession(false));
        if (path.startsWith("/camunda/api/") && !path.startsWith("/camunda/api/admin/auth/")
                && user != null && (user.getGroupIds() == null || !user.getGroupIds().contains(Roles.ADMINS))) {
            SecurityLog.denied(user.getName(), request.getMethod(), path);
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
                    "Only members of the group '" + Roles.ADMINS + "' may use Cockpit.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static UserAuthentication signedIn(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine("default");
        return authentication instanceof UserAuthentication user ? user : null;
    }
}
