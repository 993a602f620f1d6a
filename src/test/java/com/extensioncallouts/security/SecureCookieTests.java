package com.extensioncallouts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The session cookie is marked {@code Secure} when the page is served over HTTPS, here as a TLS-terminating
 * proxy on this host reports it ({@code X-Forwarded-Proto}, honoured with
 * {@code server.forward-headers-strategy=native}, as the README says to set behind a proxy), and it is never
 * readable by scripts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
class SecureCookieTests {

    @LocalServerPort int port;

    @Test
    void overHttpsTheSessionCookieIsSecureAndHttpOnly() throws Exception {
        List<String> cookies = sessionCookies(HttpRequest.newBuilder(uri()).header("X-Forwarded-Proto", "https"));

        assertThat(cookies).singleElement().satisfies(cookie -> assertThat(cookie)
                .containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly"));
    }

    @Test
    void overPlainHttpTheSessionCookieIsHttpOnlyButCannotBeSecure() throws Exception {
        List<String> cookies = sessionCookies(HttpRequest.newBuilder(uri()));

        assertThat(cookies).singleElement().satisfies(cookie -> assertThat(cookie)
                .containsIgnoringCase("; HttpOnly").doesNotContainIgnoringCase("; Secure"));
    }

    /** The session cookies set by the sign-in page, which starts a session for its CSRF token. */
    private static List<String> sessionCookies(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/login");
    }
}
