package com.extensioncallouts.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * API keys for ticket systems: shown once, stored as a hash, good for ticket events only, revocable; wrong
 * keys slow down the source that sends them, never the key's owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiKeyTests {

    private static final String EVENT = """
            {"event": "CREATED", "ticket": {"id": 1, "number": "T-KEY"}}""";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aKeyIsShownOnceStoredAsAHashAndGoodForTicketEventsOnly() throws Exception {
        JsonNode created = json.readTree(admin("POST", "/api/api-keys", "{\"name\": \"Autotask\"}").body());
        String key = created.get("key").asText();
        assertThat(key).startsWith("xck_").hasSizeGreaterThan(40);
        assertThat(created.get("name").asText()).isEqualTo("Autotask");
        assertThat(created.get("createdAt").asText()).isNotBlank();

        String listed = admin("GET", "/api/api-keys", null).body();
        assertThat(listed).contains("Autotask").doesNotContain(key);
        assertThat(jdbc.queryForList("SELECT key_hash FROM api_key", String.class))
                .contains(ApiKeys.hash(key)).doesNotContain(key);

        assertThat(withKey(key, "POST", "/api/ticket-events", EVENT).statusCode()).isEqualTo(202);
        assertThat(withKey(key, "GET", "/api/callouts", null).statusCode()).isEqualTo(403);
        assertThat(withKey(key, "POST", "/api/api-keys", "{\"name\": \"more\"}").statusCode()).isEqualTo(403);
        assertThat(withKey(key, "POST", "/engine-rest/signal", "{\"name\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(admin("GET", "/api/api-keys", null).body()).contains("\"lastUsedAt\":\"");
    }

    @Test
    void aRevokedKeyIsRefusedWith401() throws Exception {
        JsonNode created = json.readTree(admin("POST", "/api/api-keys", "{\"name\": \"Revoked\"}").body());
        String key = created.get("key").asText();
        assertThat(withKey(key, "POST", "/api/ticket-events", EVENT).statusCode()).isEqualTo(202);

        assertThat(admin("DELETE", "/api/api-keys/" + created.get("id").asLong(), null).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = withKey(key, "POST", "/api/ticket-events", EVENT);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(admin("DELETE", "/api/api-keys/" + created.get("id").asLong(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSourceThatSendsManyWrongKeysIsSlowedDownAndTheOwnersKeyStillWorks() throws Exception {
        String key = json.readTree(admin("POST", "/api/api-keys", "{\"name\": \"Owner\"}").body()).get("key").asText();
        InetAddress attacker = InetAddress.getByName("127.0.0.2");

        for (int i = 0; i < 20; i++) {
            assertThat(rawStatusFrom(attacker, "xck_wrong" + i)).as("wrong key %d", i).isEqualTo(401);
        }
        assertThat(rawStatusFrom(attacker, "xck_wrong-again")).as("the source is slowed down").isEqualTo(429);
        assertThat(rawStatusFrom(attacker, key)).as("even a right key waits, from that source").isEqualTo(429);

        assertThat(withKey(key, "POST", "/api/ticket-events", EVENT).statusCode())
                .as("the owner, from its own address, is not locked out").isEqualTo(202);
        assertThat(admin("GET", "/api/api-keys", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyNeedsAName() throws Exception {
        HttpResponse<String> answer = admin("POST", "/api/api-keys", "{\"name\": \" \"}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"name\"");
    }

    /** A request sent from a given loopback source address, to tell two sources apart on one machine. */
    private int rawStatusFrom(InetAddress source, String key) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/ticket-events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, body, "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()));
    }

    private HttpResponse<String> withKey(String key, String method, String path, String body) throws Exception {
        return send(method, path, body, "Bearer " + key);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
