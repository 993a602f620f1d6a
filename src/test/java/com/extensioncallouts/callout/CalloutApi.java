package com.extensioncallouts.callout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls {@code /api/callouts} over real HTTP as the demo user and reads the answers as JSON. Names
 * get a suffix unique in the JVM, so test classes that share one application context never collide.
 */
final class CalloutApi {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    CalloutApi(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    static String unique(String name) {
        return name + " #" + SEQUENCE.incrementAndGet();
    }

    /** A valid request body: name, URL and one recipient, all else default. */
    ObjectNode valid(String name) {
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        body.put("url", "https://rmm.example.com/autotask/close");
        body.putObject("notification").putArray("recipients").add("noc@msp.example");
        return body;
    }

    ObjectNode basic(String name, String username, String password) {
        ObjectNode body = valid(name);
        body.putObject("authentication").put("type", "BASIC").put("username", username).put("password", password);
        return body;
    }

    ResponseEntity<String> call(HttpMethod method, String path, Object body) {
        return call(rest.withBasicAuth("demo", "demo"), method, path, body, MediaType.APPLICATION_JSON);
    }

    ResponseEntity<String> call(TestRestTemplate client, HttpMethod method, String path, Object body,
            MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (body != null) {
            headers.setContentType(contentType);
        }
        String text = body == null || body instanceof String ? (String) body : write(body);
        return client.exchange(path, method, new HttpEntity<>(text, headers), String.class);
    }

    /** Creates a callout and answers its id; fails when the API does not answer 201. */
    long create(ObjectNode body) {
        ResponseEntity<String> response = call(HttpMethod.POST, "/api/callouts", body);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("create answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return read(response).get("id").asLong();
    }

    JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** The {@code field} of every entry in a problem's {@code errors}. */
    List<String> errorFields(ResponseEntity<String> response) {
        List<String> fields = new ArrayList<>();
        read(response).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    /** The names of the stored callouts, in the order the API lists them. */
    List<String> listedNames() {
        List<String> names = new ArrayList<>();
        read(call(HttpMethod.GET, "/api/callouts", null)).forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
