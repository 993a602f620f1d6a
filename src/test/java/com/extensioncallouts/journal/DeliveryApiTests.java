package com.extensioncallouts.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The deliveries API: every trigger visible, every attempt in full, secrets redacted, resend. */
class DeliveryApiTests extends CalloutEngineTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;

    @Test
    void aDeliveryShowsEveryAttemptAsSentAndAnsweredWithNoSecret() throws Exception {
        String token = "tok-s3cret-" + System.nanoTime();
        RMM.thenAnswer(new Answer(500, "{\"error\":\"busy\",\"echo\":\"Bearer " + token + "\"}", false));
        Callout callout = create(new CalloutDraft(unique("Full record"), RMM.url("/rmm/full"), "POST", "JSON", "BEARER",
                null, null, token, null, null, null, List.of("noc@msp.example"), "ON_ERROR", true));
        String pid = start(callout.name(), ticket("T20261127.0042", "a-1"), "EDITED");
        drive(pid);

        ResponseEntity<String> answer = get("/api/deliveries/" + delivery(pid).id());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).doesNotContain(token);
        JsonNode d = json.readTree(answer.getBody());
        assertThat(d.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(d.get("calloutName").asText()).isEqualTo(callout.name());
        assertThat(d.get("ticketNumber").asText()).isEqualTo("T20261127.0042");
        assertThat(d.get("processInstanceId").asText()).isEqualTo(pid);
        assertThat(d.get("finishedAt").isNull()).isFalse();
        JsonNode attempts = d.get("attempts");
        assertThat(attempts).hasSize(2);
        JsonNode failed = attempts.get(0);
        assertThat(failed.get("attempt").asInt()).isEqualTo(1);
        assertThat(failed.get("method").asText()).isEqualTo("POST");
        assertThat(failed.get("url").asText()).isEqualTo(RMM.url("/rmm/full"));
        assertThat(failed.get("requestHeaders").get("Authorization").asText()).isEqualTo("[redacted]");
        assertThat(failed.get("requestHeaders").get("X-Callout-Attempt").asText()).isEqualTo("1");
        assertThat(failed.get("requestBody").asText()).startsWith("{\"event\":\"EDITED\",\"ticket\":{\"id\":4711,");
        assertThat(failed.get("responseStatus").asInt()).isEqualTo(500);
        assertThat(header(failed.get("responseHeaders"), "Content-Type")).isEqualTo("application/json");
        assertThat(failed.get("responseBody").asText()).isEqualTo("{\"error\":\"busy\",\"echo\":\"[redacted]\"}");
        assertThat(failed.get("error").asText()).isEqualTo("HTTP 500");
        assertThat(failed.get("durationMs").asLong()).isNotNegative();
        JsonNode delivered = attempts.get(1);
        assertThat(delivered.get("attempt").asInt()).isEqualTo(2);
        assertThat(delivered.get("responseStatus").asInt()).isEqualTo(200);
        assertThat(delivered.get("error").isNull()).isTrue();
    }

    @Test
    void aCalloutsDeliveriesAreListedNewestFirstPagedAndFiltered() throws Exception {
        Callout callout = create(new CalloutDraft(unique("Listed"), RMM.url("/rmm/list"), "POST", "JSON", "NONE",
                null, null, null, null, null, "RMM Alert ID", List.of("l@msp.example"), "ON_ERROR", true));
        Instant before = Instant.now().minusSeconds(1);
        String first = start(callout.name(), ticket("T1", "a-1"), "EDITED");
        drive(first);
        String skipped = start(callout.name(), ticket("T2", null), "EDITED");
        String third = start(callout.name(), ticket("T3", "a-3"), "CREATED");

        JsonNode page = json.readTree(get("/api/callouts/" + callout.id() + "/deliveries?size=2").getBody());
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("content")).extracting(d -> d.get("processInstanceId").asText())
                .containsExactly(third, skipped);
        assertThat(page.get("content").get(0).get("attempts").asInt()).isZero();
        assertThat(page.get("content").get(1).get("skipReason").asText()).startsWith("NO_UDF_VALUE: ");

        JsonNode second = json.readTree(get("/api/callouts/" + callout.id() + "/deliveries?size=2&page=1").getBody());
        assertThat(second.get("content")).extracting(d -> d.get("processInstanceId").asText()).containsExactly(first);

        JsonNode delivered = json.readTree(get("/api/callouts/" + callout.id() + "/deliveries?state=delivered&since="
                + before + "&until=" + Instant.now().plusSeconds(5)).getBody());
        assertThat(delivered.get("content")).extracting(d -> d.get("processInstanceId").asText()).containsExactly(first);
        JsonNode none = json.readTree(get("/api/callouts/" + callout.id() + "/deliveries?until=" + before).getBody());
        assertThat(none.get("totalElements").asLong()).isZero();
    }

    @Test
    void badQueriesAre400NamingTheFieldAndUnknownIds404() throws Exception {
        Callout callout = create(draft(unique("Bad queries"), RMM.url("/rmm/bad"), "POST", "JSON", "ON_ERROR",
                "b@msp.example"));
        String base = "/api/callouts/" + callout.id() + "/deliveries";

        assertProblem(get(base + "?state=LOST"), 400, "state");
        assertProblem(get(base + "?since=yesterday"), 400, "since");
        assertProblem(get(base + "?since=2026-11-28T10:00:00Z&until=2026-11-28T09:00:00Z"), 400, "until");
        assertProblem(get(base + "?size=0"), 400, "size");
        assertProblem(get(base + "?page=-1"), 400, "page");
        assertProblem(get("/api/callouts/987654/deliveries"), 404, null);
        assertProblem(get("/api/deliveries/987654"), 404, null);
        assertProblem(get("/api/deliveries/abc"), 400, "id");
    }

    @Test
    void aResendIsANewDeliveryOfTheSameTicketWithItsOwnKeyLinkedToTheOriginal() throws Exception {
        Callout callout = create(draft(unique("Resent"), RMM.url("/rmm/resend"), "POST", "JSON", "ON_ERROR",
                "r@msp.example"));
        String pid = start(callout.name(), ticket("T7", "a-7"), "CREATED");
        drive(pid);
        Delivery original = delivery(pid);

        ResponseEntity<String> answer = post("/api/deliveries/" + original.id() + "/resend", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode resent = json.readTree(answer.getBody());
        assertThat(resent.get("resendOf").asLong()).isEqualTo(original.id());
        assertThat(resent.get("id").asLong()).isNotEqualTo(original.id());
        assertThat(resent.get("state").asText()).isEqualTo("PENDING");
        assertThat(resent.get("attempts").asInt()).isZero();
        assertThat(resent.get("event").asText()).isEqualTo("CREATED");
        assertThat(resent.get("idempotencyKey").asText()).isNotEqualTo(original.idempotencyKey());
        drive(resent.get("processInstanceId").asText());
        assertThat(RMM.requests()).hasSize(2);
        assertThat(RMM.requests().get(1).body()).isEqualTo(RMM.requests().get(0).body());
        assertThat(RMM.requests().get(1).header("X-Callout-Attempt")).isEqualTo("1");
        assertThat(RMM.requests().get(1).header("Idempotency-Key")).isEqualTo(resent.get("idempotencyKey").asText());
    }

    @Test
    void aResendOfAnInactiveCalloutIs409AndSendsNothing() throws Exception {
        Callout callout = create(draft(unique("Resend off"), RMM.url("/rmm/off"), "POST", "JSON", "ON_ERROR",
                "o@msp.example"));
        String pid = start(callout.name(), ticket("T8", "a-8"), "EDITED");
        drive(pid);
        callouts.setActive(callout.id(), false);

        ResponseEntity<String> answer = post("/api/deliveries/" + delivery(pid).id() + "/resend", null);

        assertProblem(answer, 409, null);
        assertThat(answer.getBody()).contains("Activate it first");
        assertThat(RMM.requests()).hasSize(1);
        assertProblem(post("/api/deliveries/987654/resend", null), 404, null);
    }

    /** HTTP header names are case-insensitive; the stand-in RMM writes "Content-type". */
    private static String header(JsonNode headers, String name) {
        for (var fields = headers.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    private ResponseEntity<String> get(String path) {
        return rest.withBasicAuth("demo", "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("demo", "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    private void assertProblem(ResponseEntity<String> answer, int status, String field) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (field != null) {
            assertThat(json.readTree(answer.getBody()).get("errors")).extracting(e -> e.get("field").asText())
                    .contains(field);
        }
    }
}
