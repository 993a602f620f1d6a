package com.extensioncallouts.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.extensioncallouts.support.CalloutEngineTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests under {@code /api} that the HTTP firewall or Tomcat refuses before any controller sees them are answered
 * as problems (400, {@code application/problem+json}, a title and a detail), never with a 5xx; other paths keep
 * their answers. Sent over a raw socket to 127.0.0.1, so that no client library cleans the path up first.
 */
class RefusedRequestsTests extends CalloutEngineTest {

    /** Refused by Spring Security's HTTP firewall. */
    private static final List<String> FIREWALL = List.of("/api/callouts/../callouts", "/api/..;/camunda/",
            "/api/callouts;jsessionid=x", "/api/callouts/%2e%2e/x", "/api//callouts", "/api/callouts%25",
            "/api/callouts/%0d%0aX-Injected:%20yes", "//api/callouts", "/api;/callouts",
            "/api/ticket-events/..%3b/x");
    /** Refused by Tomcat, with the path known. */
    private static final List<String> CONTAINER = List.of("/api/callouts%00", "/api/callouts%2Fx",
            "/api/callouts%5Cx", "/api/callouts/%ZZ", "/api/../../etc/passwd", "/api/callouts/%c0%ae%c0%ae/x",
            "/api/callouts/%", "/api%2F..%2Fcamunda");
    /** Refused by Tomcat while it reads the request line: no path to go by. */
    private static final List<String> UNREADABLE = List.of("/api/callouts|x", "/api/{x}", "/api/callouts\\x",
            "/api/callouts\u00e9", "/api/callouts\"", "/api/<script>");

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;

    @Test
    void whatTheFirewallRefusesUnderApiIsAProblem() throws Exception {
        for (String path : FIREWALL) {
            assertProblem(path, get(path));
        }
    }

    @Test
    void whatTomcatRefusesUnderApiIsAProblem() throws Exception {
        for (String path : CONTAINER) {
            assertProblem(path, get(path));
        }
        for (String path : UNREADABLE) {
            assertProblem(path, get(path));
        }
    }

    @Test
    void otherPathsKeepTheirAnswers() throws Exception {
        // The firewall's refusal through Spring Boot's error page, and Tomcat's own page, as before
        Answer firewall = get("/callouts/..;/x");
        assertThat(firewall.status()).isEqualTo(400);
        assertThat(firewall.contentType()).startsWith("application/json");
        Answer container = get("/callouts%2Fx");
        assertThat(container.status()).isEqualTo(400);
        assertThat(container.contentType()).startsWith("text/html");
        Answer notApi = get("/apikeys;x");
        assertThat(notApi.contentType()).doesNotStartWith("application/problem+json");
    }

    @Test
    void aCleanApiRequestIsStillServed() throws Exception {
        Answer answer = get("/api/callouts");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
    }

    private static void assertProblem(String path, Answer answer) throws Exception {
        assertThat(answer.status()).as(path + "\n" + answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).as(path).isEqualTo(400);
        assertThat(problem.path("title").asText()).as(path).isEqualTo("Bad Request");
        assertThat(problem.path("detail").asText()).as(path).startsWith("The ").contains("refused");
        assertThat(problem.path("type").asText()).as(path).endsWith("/request-rejected");
    }

    private record Answer(int status, String contentType, String body, String raw) {
    }

    /** A GET with this exact request target, as the demo user; the connection closes after the answer. */
    private Answer get(String target) throws Exception {
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()) + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return parse(buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String raw) {
        int headersEnd = raw.indexOf("\r\n\r\n");
        String[] head = raw.substring(0, headersEnd).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String header : head) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-type:")) {
                contentType = header.substring(13).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        String body = raw.substring(headersEnd + 4);
        return new Answer(status, contentType, chunked ? unchunk(body) : body, raw);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
