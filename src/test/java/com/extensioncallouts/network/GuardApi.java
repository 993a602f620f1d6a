package com.extensioncallouts.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Saves callouts through {@code /api/callouts} as the demo user and checks what the network guard answers. */
final class GuardApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;

    GuardApi(TestRestTemplate rest) {
        this.rest = rest.withBasicAuth("demo", "demo");
    }

    /** Creating a callout with this URL is a 400 problem with one error, on {@code url}, with this message. */
    void assertRefused(String url, String message) {
        String name = "Refused " + UUID.randomUUID();
        ResponseEntity<String> answer = send(HttpMethod.POST, "/api/callouts", body(name, url));
        assertProblemOnUrl(answer, url, message);
        assertThat(send(HttpMethod.GET, "/api/callouts", null).getBody()).as("nothing stored").doesNotContain(name);
    }

    /** Creating a callout with this URL is a 201. */
    long assertSaved(String url) {
        ResponseEntity<String> answer = send(HttpMethod.POST, "/api/callouts", body("Saved " + UUID.randomUUID(), url));
        assertThat(answer.getStatusCode().value()).as(url + ": " + answer.getBody()).isEqualTo(201);
        return read(answer).get("id").asLong();
    }

    void assertUpdateRefused(long id, String url, String why) {
        ResponseEntity<String> answer = send(HttpMethod.PUT, "/api/callouts/" + id,
                body("Updated " + UUID.randomUUID(), url));
        assertProblemOnUrl(answer, url, "Callouts may not be sent there: " + why + ".");
    }

    private static void assertProblemOnUrl(ResponseEntity<String> answer, String url, String message) {
        assertThat(answer.getStatusCode().value()).as(url + ": " + answer.getBody()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).as(url).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = read(answer).path("errors");
        assertThat(errors).as(url).hasSize(1);
        assertThat(errors.get(0).path("field").asText()).as(url).isEqualTo("url");
        assertThat(errors.get(0).path("message").asText()).as(url).isEqualTo(message);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, ObjectNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body == null ? null : body.toString(), headers),
                String.class);
    }

    private static ObjectNode body(String name, String url) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("url", url);
        body.putObject("notification").putArray("recipients").add("noc@msp.example");
        return body;
    }

    private static JsonNode read(ResponseEntity<String> answer) {
        try {
            return JSON.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer.getBody(), e);
        }
    }
}
