package com.extensioncallouts.apikey;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.extensioncallouts.problem.ProblemResponses;

/**
 * {@code Authorization: Bearer <api key>} on the API: a valid key authenticates as the ticket system it was
 * made for, with the one authority {@value #AUTHORITY} (which may post ticket events, nothing else). A wrong or
 * revoked key is a 401 counted against the source address; a source with too many is answered 429 for a while.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String AUTHORITY = "API_KEY";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final WrongKeyThrottle throttle = new WrongKeyThrottle();

    public ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String source = request.getRemoteAddr();
        Duration wait = throttle.waitFor(source);
        if (!wait.isZero()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            ProblemResponses.write(response, 429, "too-many-wrong-keys", "Too many wrong API keys",
                    "Too many wrong API keys from this address; try again in " + Math.max(1, wait.toSeconds()) + " s.");
            return;
        }
        Optional<ApiKeys.ApiKey> key = keys.check(authorization.substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            throttle.wrongKey(source);
            ApiKeyLog.wrongKey(source);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Extension Callouts\"");
            ProblemResponses.write(response, 401, "unauthenticated", "Unauthenticated",
                    "The API key is not valid (unknown or revoked).");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "api-key:" + key.get().name(), null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
        chain.doFilter(request, response);
    }
}
